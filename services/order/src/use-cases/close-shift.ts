// A shift's reports and its close. The X report reads the shift so far; the close counts the
// drawer by denomination against what it should hold, needs a manager's approval for a variance
// over the threshold, and keeps the Z report as it was, with pos.shift.closed.v1, in one
// transaction. The close holds the shift's row lock, and a sale joining the shift holds it
// shared, so every sale is either in the count or (an offline one) on the shift flagged late.
import { createHash } from 'node:crypto';
import { addToOutbox, ConflictError, NotFoundError, withTransaction, type Pool, type Principal } from '@pos/platform';
import { mayApprove, requireAtShiftTill } from '../domain/policy.ts';
import { countedTotal, tidyCount, variance, varianceNeedsApproval, type CountedLine } from '../domain/shift.ts';
import { shiftReport, type ShiftReport, type ZReport } from '../domain/shift-report.ts';
import { shiftClosed } from '../events/shift-events.ts';
import { findShift, saveClose, type StoredShift } from '../store/shift.store.ts';
import { lateSales, shiftTotals } from '../store/shift-totals.store.ts';
import type { OrderDeps } from './deps.ts';
import { authorize } from './approvals.ts';

export interface CloseCommand {
  counted: CountedLine[];
  /** The sales the till still holds unsent (its own count): they will reach the shift late. */
  waitingSales?: number | undefined;
}

export interface Warning { code: string; message: string }

async function shiftFor(db: Pool, shiftId: string, principal: Principal): Promise<StoredShift> {
  const shift = await findShift(db, shiftId);
  if (!shift) throw new NotFoundError('SHIFT.NOT_FOUND', `no shift ${shiftId}`);
  requireAtShiftTill(principal, shift.tillId);
  return shift;
}

/** The X report: read only, while the shift is open. */
export async function xReport(deps: Pick<OrderDeps, 'pool'>, shiftId: string, principal: Principal): Promise<ShiftReport> {
  const shift = await shiftFor(deps.pool, shiftId, principal);
  if (shift.status !== 'open') throw new ConflictError('SHIFT.CLOSED', `shift ${shiftId} is closed: ask for its Z report`, { shiftId });
  return shiftReport(shift, await shiftTotals(deps.pool, shiftId), new Date());
}

/** The Z report as kept at the close, with the sales that arrived late since. */
export async function zReport(deps: Pick<OrderDeps, 'pool'>, shiftId: string, principal: Principal): Promise<ZReport> {
  const shift = await shiftFor(deps.pool, shiftId, principal);
  if (!shift.summary) throw new ConflictError('SHIFT.OPEN', `shift ${shiftId} is still open: its X report shows it so far`, { shiftId });
  return { ...shift.summary, late: await lateSales(deps.pool, shiftId) };
}

const warningsOf = (command: CloseCommand): Warning[] => (command.waitingSales
  ? [{ code: 'SHIFT.SALES_WAITING', message: `the till still holds ${command.waitingSales} sale(s) not sent: send them; they join this shift, flagged late` }]
  : []);

/** Closes the shift. Idempotent: the same count again answers the Z report it made; a shift
 * closed with another count is a 409. */
export async function closeShift(
  deps: Pick<OrderDeps, 'pool' | 'settings'>, shiftId: string, command: CloseCommand, principal: Principal, approvalToken?: string,
): Promise<{ z: ZReport; created: boolean; warnings: Warning[] }> {
  const counted = tidyCount(command.counted);
  const total = countedTotal(command.counted);
  const closeHash = createHash('sha256').update(JSON.stringify([counted, command.waitingSales ?? null])).digest('hex');
  // A racing close of the same shift waits on its row lock, then finds it closed.
  const z = await withTransaction(deps.pool, async (tx) => {
    const shift = await findShift(tx, shiftId, true);
    if (!shift) throw new NotFoundError('SHIFT.NOT_FOUND', `no shift ${shiftId}`);
    requireAtShiftTill(principal, shift.tillId);
    if (shift.status === 'closed') {
      if (shift.closeHash !== closeHash) throw new ConflictError('SHIFT.CLOSED', `shift ${shiftId} was closed with another count`, { shiftId });
      return undefined;
    }
    const closedAt = new Date();
    const report = shiftReport({ ...shift, status: 'closed', closedAt }, await shiftTotals(tx, shiftId), closedAt);
    const off = variance(total, report.cash.expected);
    let approvedBy: string | null = null;
    if (varianceNeedsApproval(off, deps.settings.shiftVarianceThreshold)) {
      const request = { action: 'shift-variance' as const, ref: shift.id, amount: Math.abs(off), tillCode: shift.tillCode, detail: { expected: report.cash.expected, counted: total } };
      approvedBy = (await authorize(tx, principal, request, approvalToken, mayApprove)).approvedBy ?? principal.id;
    }
    const close = {
      counted, countedTotal: total, variance: off, varianceApprovedBy: approvedBy, waitingSales: command.waitingSales ?? null,
      closedBy: principal.id, closedByName: principal.name,
    };
    const made: ZReport = { ...report, close, late: { count: 0, total: 0, cash: 0 } };
    await saveClose(tx, shift.id, { ...close, expected: report.cash.expected, closeHash, summary: made, closedAt });
    await addToOutbox(tx, [shiftClosed(shift, made)]);
    return made;
  });
  if (!z) return { z: await zReport(deps, shiftId, principal), created: false, warnings: warningsOf(command) };
  return { z, created: true, warnings: warningsOf(command) };
}

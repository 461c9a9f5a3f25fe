// Opening a shift at a till, and the drawer's cash moves while it is open (cash in, cash out, a
// drawer opened without a sale). Both are idempotent by the id the till makes: the same body
// answers what it made, another body is a 422. Two opens racing at one till: the database keeps
// one open shift per till, so one is opened and the other answered 409 naming it.
import { createHash } from 'node:crypto';
import { addToOutbox, ConflictError, ForbiddenError, NotFoundError, UnprocessableError, withTransaction, type Principal, type Transaction } from '@pos/platform';
import { mayApprove, requireAtShiftTill, requireTill } from '../domain/policy.ts';
import type { CashMove, ShiftHeader } from '../domain/shift-report.ts';
import { shiftOpened } from '../events/shift-events.ts';
import { findMove, findShift, insertMove, insertShift, openShiftOf, type StoredShift } from '../store/shift.store.ts';
import { tillRevokedAt } from '../store/till.store.ts';
import type { OrderDeps } from './deps.ts';
import { authorize } from './approvals.ts';

const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const mismatch = (what: string, id: string) =>
  new UnprocessableError('SHIFT.IDEMPOTENCY_MISMATCH', `${what} ${id} was made with another request`, { id });

export async function openShift(deps: Pick<OrderDeps, 'pool'>, command: { shiftId: string; openingFloat: number }, principal: Principal): Promise<{ shift: StoredShift; created: boolean }> {
  const till = requireTill(principal);
  if (await tillRevokedAt(deps.pool, till.id)) throw new ForbiddenError(`till ${till.code} has been revoked`, 'TILL.REVOKED');
  const requestHash = hashOf([till.id, command.openingFloat]);
  const same = (stored: StoredShift) => {
    if (stored.requestHash !== requestHash) throw mismatch('shift', stored.id);
    return stored;
  };
  const existing = await findShift(deps.pool, command.shiftId);
  if (existing) return { shift: same(existing), created: false };
  const shift: ShiftHeader = {
    id: command.shiftId, outletId: till.outletId, tillId: till.id, tillCode: till.code, cashierId: principal.id, cashierName: principal.name,
    openingFloat: command.openingFloat, status: 'open', openedAt: new Date(), closedAt: null,
  };
  // A racing open of this id, or of another id at this till, waits on the key, then inserts nothing.
  const inserted = await withTransaction(deps.pool, async (tx) => {
    if (!(await insertShift(tx, shift, requestHash))) return false;
    await addToOutbox(tx, [shiftOpened(shift)]);
    return true;
  });
  const stored = await findShift(deps.pool, command.shiftId);
  if (stored) return { shift: same(stored), created: inserted };
  const open = await openShiftOf(deps.pool, till.id);
  throw new ConflictError('SHIFT.ALREADY_OPEN', `till ${till.code} has a shift open already: close it first`, { shiftId: open?.id ?? null });
}

/** The shift, locked, if the caller may act on it and it is still open. */
export async function openShiftFor(tx: Transaction, shiftId: string, principal: Principal): Promise<StoredShift> {
  const shift = await findShift(tx, shiftId, true);
  if (!shift) throw new NotFoundError('SHIFT.NOT_FOUND', `no shift ${shiftId}`);
  requireAtShiftTill(principal, shift.tillId);
  if (shift.status !== 'open') throw new ConflictError('SHIFT.CLOSED', `shift ${shiftId} is closed`, { shiftId });
  return shift;
}

export type CashMoveCommand = { moveId: string; kind: 'in' | 'out'; amount: number; reason: string } | { moveId: string; kind: 'no-sale'; reason: string };

/** Cash put in or taken out of the drawer, or the drawer opened without a sale (a cashier needs
 * a manager's approval for that one). */
export async function recordCashMove(deps: Pick<OrderDeps, 'pool'>, shiftId: string, command: CashMoveCommand, principal: Principal, approvalToken?: string): Promise<{ move: CashMove; created: boolean }> {
  const requestHash = hashOf([shiftId, command]);
  const same = (stored: CashMove & { requestHash: string }): CashMove => {
    if (stored.requestHash !== requestHash) throw mismatch('cash move', stored.id);
    const { id, kind, amount, reason, actorId, actorName, approvedBy, createdAt } = stored;
    return { id, kind, amount, reason, actorId, actorName, approvedBy, createdAt };
  };
  const earlier = await findMove(deps.pool, command.moveId);
  if (earlier) return { move: same(earlier), created: false };
  return withTransaction(deps.pool, async (tx) => {
    const shift = await openShiftFor(tx, shiftId, principal); // moves of one shift take turns here
    const raced = await findMove(tx, command.moveId);
    if (raced) return { move: same(raced), created: false };
    const { approvedBy } = command.kind === 'no-sale'
      ? await authorize(tx, principal, { action: 'no-sale', ref: shift.id, amount: 0, tillCode: shift.tillCode, detail: { reason: command.reason } }, approvalToken, mayApprove)
      : { approvedBy: null };
    const move: CashMove = {
      id: command.moveId, kind: command.kind, amount: command.kind === 'no-sale' ? 0 : command.amount, reason: command.reason,
      actorId: principal.id, actorName: principal.name, approvedBy, createdAt: new Date(),
    };
    if (!(await insertMove(tx, shift.id, move, requestHash))) throw mismatch('cash move', move.id); // another shift's move holds the id
    return { move, created: true };
  });
}

/** The shift open at the caller's till. */
export async function currentShift(deps: Pick<OrderDeps, 'pool'>, principal: Principal): Promise<StoredShift> {
  const till = requireTill(principal);
  const shift = await openShiftOf(deps.pool, till.id);
  if (!shift) throw new NotFoundError('SHIFT.NONE_OPEN', `till ${till.code} has no shift open`);
  return shift;
}

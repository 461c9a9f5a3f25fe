// The shift at this till (the order app's /shifts): opened after a login with a float, cash
// in and out with a reason, the drawer opened without a sale, the X report, and the close with
// the count by denomination (the kit's), its variance, and the Z report printed. Every step
// needs the server; a manager's approval where it asks for one (the PIN pad).
import { signal } from '@preact/signals';
import { countedBody, countedTotal, type Count } from '../kit/shift.ts';
import { ApiError, call, Unreachable } from './api.ts';
import { approvalHeaders, withApproval } from './approval.ts';
import { unsentCount } from './offline-sales.ts';
import { kickDrawer, printShownReport } from './printing.ts';
import { newId } from './uuid.ts';

export interface Shift { id: string; tillCode: string; cashierName: string; openingFloat: number; status: 'open' | 'closed'; openedAt: string }
export interface CashReport { openingFloat: number; received: number; change: number; refunds: number; cashIn: number; cashOut: number; expected: number }
export interface ShiftReport { kind: 'x' | 'z'; text: string; warnings: string[] }

/** The open shift; null: none open at this till; undefined: not known (not asked, or no answer). */
export const shift = signal<Shift | null | undefined>(undefined);
/** Which shift screen shows: the shift's menu (or opening one), or the count at the close. */
export const shiftScreen = signal<'menu' | 'count' | undefined>(undefined);
/** The X or Z report on the screen (and sent to the printer). */
export const shownReport = signal<ShiftReport | undefined>(undefined);
/** Opening a shift is offered: after a login at a till with none open, until the cashier opens
 * one or says not now (selling needs none: the server never refuses a sale for it). */
export const offerOpen = signal(false);
/** The shift is being asked for after a login: the sale waits a moment, so the offer never
 * replaces a sale already begun. */
export const shiftLoading = signal(false);

/** The shift open at this till, from the server (no answer: it stays as the till knew it). */
export async function loadShift(): Promise<void> {
  try {
    shift.value = await call<Shift>('order', '/shifts/current');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'SHIFT.NONE_OPEN') shift.value = null;
    else if (!(error instanceof Unreachable) && !(error instanceof ApiError)) throw error;
  }
}

let opening: string | undefined;
/** Opens the till's shift with its float; the id is made once, so a retry after no answer opens one. */
export async function openShift(openingFloat: number): Promise<void> {
  opening ??= newId();
  try {
    shift.value = await call<Shift>('order', '/shifts', { method: 'POST', body: { shiftId: opening, openingFloat } });
    opening = undefined;
    shiftScreen.value = undefined;
    offerOpen.value = false;
  } catch (error) {
    // Someone opened this till's shift already: it is the till's, carry on in it.
    if (error instanceof ApiError && error.code === 'SHIFT.ALREADY_OPEN') { opening = undefined; await loadShift(); shiftScreen.value = undefined; offerOpen.value = false; return; }
    if (error instanceof ApiError) opening = undefined;
    throw error;
  }
}

const openId = (): string => {
  const current = shift.value;
  if (!current) throw new Error('no shift open');
  return current.id;
};

/** Cash put in or taken out with a reason; or the drawer opened without a sale (kicked open
 * once the server recorded it; a cashier needs a manager's approval). */
export async function moveCash(move: { kind: 'in' | 'out'; amount: number; reason: string } | { kind: 'no-sale'; reason: string }): Promise<void> {
  const id = openId();
  const body = { moveId: newId(), ...move };
  await withApproval((approval) => call('order', `/shifts/${id}/cash-moves`, { method: 'POST', body, headers: approvalHeaders(approval) }));
  if (move.kind === 'no-sale') await kickDrawer();
}

/** The cash the server expects in the drawer now (the X report's). */
export const expectedCash = async (): Promise<CashReport> => (await call<{ cash: CashReport }>('order', `/shifts/${openId()}/x-report`)).cash;

function show(report: ShiftReport): void {
  shownReport.value = report;
  printShownReport();
}

/** The X report: the shift so far, read only, shown and printed. */
export async function printXReport(): Promise<void> {
  show({ kind: 'x', text: await call<string>('order', `/shifts/${openId()}/x-report/text`, { headers: { accept: 'text/plain' } }), warnings: [] });
}

/** Closes the shift with the count (the sales still waiting on the till told, so the Z report
 * warns of them); a variance over the threshold asks a manager. The Z report is shown and printed. */
export async function closeShift(count: Count): Promise<void> {
  const id = openId();
  const body = { counted: countedBody(count), waitingSales: await unsentCount() };
  const closed = await withApproval((approval) => call<{ warnings: { code: string; message: string }[] }>(
    'order', `/shifts/${id}/close`, { method: 'POST', body, headers: approvalHeaders(approval) }));
  shift.value = null;
  shiftScreen.value = undefined;
  const text = await call<string>('order', `/shifts/${id}/z-report/text`, { headers: { accept: 'text/plain' } });
  show({ kind: 'z', text, warnings: closed.warnings.map((warning) => warning.code) });
}

export { countedTotal };

/** At sign-out: the next cashier's login asks the server again. */
export function forgetShift(): void {
  shift.value = undefined;
  shiftScreen.value = undefined;
  shownReport.value = undefined;
  offerOpen.value = false;
}

/** After a login: the till's shift; none open, opening one is offered. */
export async function shiftAfterLogin(): Promise<void> {
  shiftLoading.value = true;
  try {
    await loadShift();
    offerOpen.value = shift.value === null;
  } finally {
    shiftLoading.value = false;
  }
}

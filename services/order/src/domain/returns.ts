// Returns against a receipt (a paid order): whole or some of its lines, never more of a line than
// was sold counting earlier returns, within the return period, each line with its reason and
// what becomes of the goods (back to stock, or written off as damaged). The money goes back the
// way it came unless the manager says cash: to the order's tenders, the latest made first, each
// never giving back more than it paid. Pure rules; use-cases/record-return.ts applies them.
import { ConflictError, UnprocessableError } from '@pos/platform';
import type { Order } from './order.ts';
import type { Disposition, OrderReturn, RefundTo, ReturnLine } from './order-return.ts';
import { originalMethod, type Refund, type RefundMethod } from './refunds.ts';
import { summarizeTax, type TaxSummaryLine } from './tax.ts';
import type { Tender } from './tenders.ts';

export interface RequestedReturnLine {
  lineNo: number;
  /** In the line's unit, as it was sold. */
  quantity: number;
  reason: string;
  disposition: Disposition;
}

const DAY_MS = 86_400_000;

/** Only a paid order has a receipt to return against, and only for `periodDays` after it was paid. */
export function checkReturnable(order: Order, now: Date, periodDays: number): void {
  if (order.status !== 'paid' || !order.paidAt) {
    throw new ConflictError('RETURN.ORDER_NOT_PAID', `order ${order.id} is ${order.status}: only a paid order's goods can be returned`, { status: order.status });
  }
  const last = new Date(new Date(order.paidAt).getTime() + periodDays * DAY_MS);
  if (now > last) {
    throw new UnprocessableError('RETURN.PERIOD_OVER', `order ${order.id} was paid more than ${periodDays} days ago: goods may be returned until ${last.toISOString()}`,
      { paidAt: new Date(order.paidAt).toISOString(), periodDays });
  }
}

/** Per order line, how much earlier returns took back. */
export function returnedByLine(returns: readonly OrderReturn[]): Map<number, number> {
  const returned = new Map<number, number>();
  for (const line of returns.flatMap((r) => r.lines)) returned.set(line.lineNo, (returned.get(line.lineNo) ?? 0) + line.quantity);
  return returned;
}

/** `part` of `whole` of `value`, rounded half up: share(v, n, n) is v, so the pieces of a line
 * returned bit by bit add up to the line to the Rupiah. In BigInt: a scale label's line has its
 * grams as quantity, and value × part may pass 2^53. */
const share = (value: number, part: number, whole: number): number =>
  Number((2n * BigInt(value) * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole)));

/** The requested lines as return lines, priced as they were sold; throws on the first one that
 * cannot be returned (naming the field), or that is more than is left of it (409). */
export function returnLines(order: Order, earlier: readonly OrderReturn[], requested: readonly RequestedReturnLine[]): ReturnLine[] {
  const returned = returnedByLine(earlier);
  return requested.map((want, index) => {
    const line = order.lines.find((candidate) => candidate.lineNo === want.lineNo);
    if (!line) throw new UnprocessableError('RETURN.LINE_UNKNOWN', `order ${order.id} has no line ${want.lineNo}`, { field: `lines.${index}.lineNo` });
    if (requested.findIndex((other) => other.lineNo === want.lineNo) !== index) {
      throw new UnprocessableError('RETURN.LINE_TWICE', `line ${want.lineNo} is named twice`, { field: `lines.${index}.lineNo` });
    }
    const before = returned.get(line.lineNo) ?? 0;
    if (before + want.quantity > line.quantity) {
      throw new ConflictError('RETURN.MORE_THAN_SOLD', `line ${line.lineNo}: ${line.quantity} sold, ${before} returned before, ${want.quantity} more asked`,
        { field: `lines.${index}.quantity`, lineNo: line.lineNo, sold: line.quantity, returned: before, requested: want.quantity });
    }
    const after = before + want.quantity;
    const part = (value: number) => share(value, after, line.quantity) - share(value, before, line.quantity);
    return {
      ...line, quantity: want.quantity, baseQuantity: part(line.baseQuantity), amount: part(line.amount), tax: part(line.tax),
      reason: want.reason, disposition: want.disposition,
    };
  });
}

export const returnTaxes = (lines: readonly ReturnLine[]): TaxSummaryLine[] => summarizeTax(lines);

export interface RefundPiece {
  tender: Tender;
  amount: number;
  method: RefundMethod;
}

/** Where `total` goes back: the order's paid tenders (money it kept, not refunds due), the latest
 * made first, each up to what it paid less what earlier returns gave back from it. */
export function allocateRefund(total: number, tenders: readonly Tender[], earlier: readonly Refund[], refundTo: RefundTo): RefundPiece[] {
  const given = (tender: Tender) => earlier.filter((r) => r.tenderId === tender.id && r.cause === 'return').reduce((sum, r) => sum + r.amount, 0);
  const pieces: RefundPiece[] = [];
  let left = total;
  for (const tender of [...tenders].reverse().filter((t) => t.status === 'paid' && !t.refundDue)) {
    const amount = Math.min(left, tender.amount - given(tender));
    if (amount <= 0) continue;
    pieces.push({ tender, amount, method: refundTo === 'cash' ? 'cash' : originalMethod(tender) });
    left -= amount;
    if (left === 0) break;
  }
  if (left > 0) throw new Error(`the tenders cannot give back ${total}: ${left} is left`); // lines never return more than was paid: a bug if seen
  return pieces;
}

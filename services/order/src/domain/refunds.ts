// Money the shop owes back, as refunds. A refund is made against one paid tender and is
//   due      (owed: listed for a manager until someone gives it back)
//   pending  (asked of Midtrans, not yet confirmed)
//   paid     (given back: cash from the drawer, or refunded by Midtrans)
// due -> paid (cash) | pending (Midtrans); pending -> paid | due (Midtrans refused it). paid is final.
// Money taken on an order that ends unpaid (cancelled or expired), and money that comes when the
// order can no longer take it, becomes a refund due: it never silently stays in the drawer. A
// return's refunds are made paid (cash) or pending (Midtrans) at once (domain/returns.ts).
import type { Tender } from './tenders.ts';

export type RefundStatus = 'due' | 'pending' | 'paid';
export type RefundMethod = 'cash' | 'qris' | 'snap';
/** 'unpaid': money on an order that ended unpaid or came too late; 'return': goods brought back. */
export type RefundCause = 'unpaid' | 'return';

export interface Refund {
  id: string;
  orderId: string;
  tenderId: string;
  cause: RefundCause;
  /** The return it refunds (cause 'return'). */
  returnId: string | null;
  method: RefundMethod;
  amount: number;
  status: RefundStatus;
  /** Midtrans' refund_chargeback_id, once it refunded. */
  externalId: string | null;
  paidAt: Date | null;
  paidBy: string | null;
  createdAt: Date;
  /** The shift of the till that gave it back (or asked Midtrans to); null: none; left out: as stored. */
  shiftId?: string | null;
}

/** The way a tender's money goes back by default: QRIS and Snap through Midtrans, the rest
 * (cash, a payment taken outside, e.g. the shop's own card terminal) in cash. */
export const originalMethod = (tender: Pick<Tender, 'kind'>): RefundMethod => (tender.kind === 'qris' || tender.kind === 'snap' ? tender.kind : 'cash');

/** The paid tenders of an order that has just ended unpaid: each one's money is owed back. */
export const tendersOwedBack = (tenders: readonly Tender[]): Tender[] => tenders.filter((t) => t.status === 'paid' && !t.refundDue);

/** A refund due for the tender's whole amount. */
export const refundDue = (id: string, orderId: string, tender: Tender, now: Date): Refund => ({
  id, orderId, tenderId: tender.id, cause: 'unpaid', returnId: null, method: originalMethod(tender), amount: tender.amount, status: 'due',
  externalId: null, paidAt: null, paidBy: null, createdAt: now,
});

/** How a manager gives a refund due back: 'cash' from the drawer, or 'original' (the tender's own
 * way: Midtrans for QRIS and Snap, cash for the others). */
export type PayoutMethod = 'cash' | 'original';

/** What paying out a refund does: 'unchanged' when it is no longer due (paid, or being refunded
 * by Midtrans: asking again answers it as it is), else the refund as it becomes. */
export function payOut(refund: Refund, tender: Pick<Tender, 'kind'>, method: PayoutMethod, by: string, now: Date): Refund | 'unchanged' {
  if (refund.status !== 'due') return 'unchanged';
  const way = method === 'cash' ? 'cash' : originalMethod(tender);
  if (way === 'cash') return { ...refund, method: 'cash', status: 'paid', paidAt: now, paidBy: by };
  return { ...refund, method: way, status: 'pending', paidBy: by };
}

/** Midtrans' answer to a refund asked of it: refunded → paid; refused for good → due again, for
 * a manager to give back another way. Only a pending refund changes. */
export function afterMidtrans(refund: Refund, answer: { refunded: true; externalId: string | null } | { refunded: false }, now: Date): Refund | 'unchanged' {
  if (refund.status !== 'pending') return 'unchanged';
  if (!answer.refunded) return { ...refund, status: 'due', method: 'cash' };
  return { ...refund, status: 'paid', paidAt: now, externalId: answer.externalId };
}

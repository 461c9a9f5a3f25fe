// The payments (tenders) of one order. A sale may be paid by several: cash plus QRIS is common.
// Each tender has its own id (for Midtrans, the charge's order_id), an amount, and a status:
//   pending -> paid | cancelled;  cancelled -> paid (money that arrived late: kept, flagged for refund)
// paid is final. The order is paid when its paid tenders cover the total.
import { ConflictError, UnprocessableError, ValidationError } from '@pos/platform';

/** 'external': paid outside this system (the shop's own card terminal), as a till reported it. */
export const TENDER_KINDS = ['cash', 'qris', 'snap', 'external'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];
export type TenderStatus = 'pending' | 'paid' | 'cancelled';

export interface Tender {
  id: string;
  kind: TenderKind;
  /** What this tender pays towards the order. */
  amount: number;
  status: TenderStatus;
  /** Cash only: what the customer handed over, and what they got back. */
  tendered: number | null;
  change: number | null;
  /** The payment provider's transaction id (Midtrans transaction_id), or an external tender's
   * reference; null for cash. */
  externalId: string | null;
  /** Paid when the order could no longer take it (cancelled or expired, or already paid). */
  refundDue: boolean;
}

export const paidAmount = (tenders: readonly Tender[]): number =>
  tenders.filter((t) => t.status === 'paid' && !t.refundDue).reduce((sum, t) => sum + t.amount, 0);
/** Still to pay: the total minus what paid tenders and pending ones already cover. */
export const amountDue = (total: number, tenders: readonly Tender[]): number =>
  total - tenders.filter((t) => (t.status === 'paid' && !t.refundDue) || t.status === 'pending').reduce((sum, t) => sum + t.amount, 0);
export const isCovered = (total: number, tenders: readonly Tender[]): boolean => paidAmount(tenders) >= total;

/** Cash handed over: it pays what is due (or all of itself when less), the rest is change. */
export function cashTender(id: string, total: number, tenders: readonly Tender[], tendered: number): Tender {
  const due = amountDue(total, tenders);
  if (due <= 0) throw new ConflictError('ORDER.NOTHING_DUE', 'nothing is left to pay on this order');
  if (tendered <= 0) throw new ValidationError('tendered must be more than 0', { tendered }, 'ORDER.TENDER_INVALID');
  const amount = Math.min(tendered, due);
  return { id, kind: 'cash', amount, status: 'paid', tendered, change: tendered - amount, externalId: null, refundDue: false };
}

export interface TenderOutcome {
  status: 'paid' | 'cancelled';
  /** What the provider says was paid; must equal the tender's amount. */
  amount: number;
  externalId?: string;
}

/** What an outcome (a webhook, a status query) does to a tender: 'ignore' a replay or a stale
 * one (paid is final; a cancel after paid is out of order), else the tender as it becomes.
 * `orderOpen` is false when the order is no longer pending: money that arrives then is flagged. */
export function applyOutcome(tender: Tender, outcome: TenderOutcome, orderOpen: boolean): Tender | 'ignore' {
  if (outcome.amount !== tender.amount) {
    throw new ConflictError('ORDER.TENDER_AMOUNT_MISMATCH', `tender ${tender.id} is for ${tender.amount}, the outcome says ${outcome.amount}`,
      { expected: tender.amount, received: outcome.amount });
  }
  if (tender.status === outcome.status || tender.status === 'paid') return 'ignore';
  const externalId = outcome.externalId ?? tender.externalId;
  if (outcome.status === 'cancelled') return { ...tender, status: 'cancelled', externalId };
  // paid, from pending or (late) from cancelled
  return { ...tender, status: 'paid', externalId, refundDue: !orderOpen || tender.status === 'cancelled' };
}

/** A QRIS or Snap tender waiting for the customer: `amount` (default all that is due) must be
 * covered by what is still due. */
export function electronicTender(id: string, kind: 'qris' | 'snap', total: number, tenders: readonly Tender[], amount?: number): Tender {
  const due = amountDue(total, tenders);
  if (due <= 0) throw new ConflictError('ORDER.NOTHING_DUE', 'nothing is left to pay on this order');
  const charged = amount ?? due;
  if (charged > due) throw new UnprocessableError('ORDER.TENDER_OVER_DUE', `${charged} is more than the ${due} still due`, { due, amount: charged });
  return { id, kind, amount: charged, status: 'pending', tendered: null, change: null, externalId: null, refundDue: false };
}

/** What Midtrans answered a charge with, for the till to show (and to show again on a retry). */
export type ChargeDetails =
  | { kind: 'qris'; qrString: string; qrUrl: string | null; expiresAt: string | null }
  | { kind: 'snap'; token: string; redirectUrl: string };

/** Nothing else pays or may still pay: a failed electronic tender then ends the sale. */
export const nothingCounts = (tenders: readonly Tender[]): boolean =>
  tenders.every((t) => t.status === 'cancelled' || (t.status === 'paid' && t.refundDue));

/** Electronic tenders still waiting for money: the provider must cancel them when the order ends. */
export const pendingElectronic = (tenders: readonly Tender[]): Tender[] => tenders.filter((t) => t.kind !== 'cash' && t.status === 'pending');

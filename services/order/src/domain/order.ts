// The order as the use cases see it.
import type { AppliedDiscount } from './discounts.ts';
import type { SaleFlag } from './offline-sale.ts';
import type { OrderReturn } from './order-return.ts';
import type { OrderStatus } from './order-status.ts';
import type { OrderLine } from './pricing.ts';
import type { TaxRuleApplied, TaxSummaryLine } from './tax.ts';
import type { Tender } from './tenders.ts';

/** Who sells: printed on the receipt, with the NPWP when the shop is registered for VAT. */
export interface Seller {
  name: string;
  address: string;
  npwp: string | null;
}

export interface Order {
  id: string;
  status: OrderStatus;
  outletId: string;
  tillId: string;
  /** Our receipt counter of the till; null for a sale the till numbered itself (offline). */
  receiptSeq: number | null;
  cashierId: string;
  cashierName: string;
  total: number;
  /** The order discount as given and what it came to (spread over the lines' amounts). */
  discount: AppliedDiscount | null;
  taxes: TaxSummaryLine[];
  taxRule: TaxRuleApplied;
  seller: Seller;
  expiresAt: Date;
  createdAt: Date;
  paidAt: Date | null;
  endedAt: Date | null;
  lines: OrderLine[];
  tenders: Tender[];
  /** A sale the till made while offline and uploaded later; paidAt is when it was made. */
  offline?: OfflineFacts;
  /** The till's shift it was sold in (domain/shift.ts); none without a till or an open shift. */
  shiftId?: string | null;
  /** What was brought back since (a paid order's returns, oldest first). */
  returns?: OrderReturn[];
}

export interface OfflineFacts {
  /** The till's own receipt number, `T01-000042`. */
  receiptNumber: string;
  /** Arrived after the shop day of the sale had ended. */
  late: boolean;
  flags: SaleFlag[];
}

/** `OUTLET-TILL-000042`: per till, without gaps; or the number the till gave a sale it made offline. */
export const receiptNumber = (order: Pick<Order, 'outletId' | 'tillId' | 'receiptSeq' | 'offline'>): string =>
  order.offline?.receiptNumber ?? tillReceiptNumber(order.outletId, order.tillId, order.receiptSeq);

/** The number of a till's `seq`-th receipt of a series ('' for sales). */
export const tillReceiptNumber = (outletId: string, tillId: string, seq: number | null, series = ''): string =>
  `${outletId}-${tillId}-${series}${String(seq).padStart(6, '0')}`;

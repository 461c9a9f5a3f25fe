// A return against a receipt, as the use cases and views see it (rules: domain/returns.ts).
import type { OrderLine } from './pricing.ts';
import type { Refund } from './refunds.ts';
import type { TaxSummaryLine } from './tax.ts';

/** What becomes of the goods: back to stock, or written off as damaged. */
export type Disposition = 'restock' | 'damaged';
/** Where the money goes: the way it was paid, or all in cash. */
export type RefundTo = 'original' | 'cash';

/** A line of the order brought back: its lineNo is the order line's, its quantity, base quantity,
 * amount and PPN this return's part of it. */
export interface ReturnLine extends OrderLine {
  reason: string;
  disposition: Disposition;
}

export interface OrderReturn {
  id: string;
  orderId: string;
  /** Where it was refunded: the till's own refund receipt series (domain/order.ts tillReceiptNumber 'R'). */
  outletId: string;
  tillId: string;
  receiptSeq: number;
  cashierId: string;
  cashierName: string;
  total: number;
  taxes: TaxSummaryLine[];
  refundTo: RefundTo;
  lines: ReturnLine[];
  refunds: Refund[];
  createdAt: Date;
}

export const RETURN_RECEIPT_SERIES = 'R';

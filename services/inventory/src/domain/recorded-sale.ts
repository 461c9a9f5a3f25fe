// A sale a till made while offline, recorded after the fact: once per order id, however often
// the order service sends it.
import { ConflictError } from '@pos/platform';
import { sameLines, type StockLine } from './stock.ts';

export interface RecordedSale {
  orderId: string;
  /** Merged: one line per product, in product id order. */
  lines: StockLine[];
  receiptNumber: string;
  soldAt: Date;
  /** The products whose available stock was below zero once the sale was recorded. */
  oversold: string[];
}

/** A RecordSale for an order recorded before: the first outcome again; other lines are refused. */
export function repeatRecordedSale(existing: RecordedSale, lines: readonly StockLine[]): RecordedSale {
  if (!sameLines(existing.lines, lines)) {
    throw new ConflictError('INVENTORY.ORDER_ID_REUSED', `the sale of order ${existing.orderId} was recorded with other lines`);
  }
  return existing;
}

/** The ledger's reason for each line of the sale. */
export const saleReason = (sale: Pick<RecordedSale, 'receiptNumber' | 'soldAt'>): string =>
  `sold while the till was offline: receipt ${sale.receiptNumber} at ${sale.soldAt.toISOString()}`;

// The order as the use cases see it.
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
  receiptSeq: number;
  cashierId: string;
  cashierName: string;
  total: number;
  taxes: TaxSummaryLine[];
  taxRule: TaxRuleApplied;
  seller: Seller;
  expiresAt: Date;
  createdAt: Date;
  paidAt: Date | null;
  endedAt: Date | null;
  lines: OrderLine[];
  tenders: Tender[];
}

/** `OUTLET-TILL-000042`: per till, without gaps. */
export const receiptNumber = (order: Pick<Order, 'outletId' | 'tillId' | 'receiptSeq'>): string =>
  `${order.outletId}-${order.tillId}-${String(order.receiptSeq).padStart(6, '0')}`;

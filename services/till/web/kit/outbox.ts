// Sales made offline wait in the till's outbox until the order service has them. Each is made
// once, at the sale (its id, receipt number and totals never change on a retry), and sent as
// PUT /offline-sales/:id (docs/till-api.md): the same id and body answer the same order, so a
// retry after a lost answer is harmless. What comes back sorts each upload into done, retry
// later, or needs attention (kept and shown, while the rest of the queue goes on).
import { cartTotals, pricedLines, type Cart, type CartTotals, type PricedLine } from './cart.ts';
import type { Discount } from './discounts.ts';
import { parseReceiptNumber } from './receipt-number.ts';
import { remainingDue, type OfflineTender } from './tenders.ts';
import type { TaxClass, TaxRule } from './tax.ts';

/** A sale as recorded on the till: frozen, the record the server takes as it is. */
export interface OfflineSale {
  id: string;
  receiptNumber: string;
  soldAt: string;
  outletId: string;
  lines: PricedLine[];
  /** The discount on the whole sale, as given. */
  discount?: Discount;
  totals: CartTotals;
  tenders: OfflineTender[];
}

export interface OfflineSaleBody {
  receiptNumber: string;
  soldAt: string;
  outletId: string;
  /** lineTotal before discounts; net, what the line came to after them (when it differs). */
  lines: { productId: string; unit: string; quantity: number; unitPrice: number; lineTotal: number; taxClass: TaxClass; discount?: Discount; net?: number }[];
  discount?: Discount;
  totals: { total: number; tax: number };
  tenders: OfflineTender[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SaleFacts {
  /** A UUID made now (crypto.randomUUID()), never again for this sale. */
  id: string;
  receiptNumber: string;
  soldAt: Date;
  outletId: string;
}

/** The sale of a paid cart, its totals frozen under `rule`. */
export function recordSale(facts: SaleFacts, cart: Cart, rule: TaxRule, tenders: readonly OfflineTender[]): OfflineSale {
  if (!UUID.test(facts.id)) throw new RangeError(`a sale's id is a UUID, not ${facts.id}`);
  if (!parseReceiptNumber(facts.receiptNumber)) throw new RangeError(`${facts.receiptNumber} is no receipt number`);
  if (cart.lines.length === 0) throw new RangeError('a sale has at least one line');
  const totals = cartTotals(cart, rule);
  // Exactly: the server refuses tenders that do not add up to the total (change is not a tender's amount).
  if (remainingDue(totals.total, tenders) !== 0) throw new RangeError(`the tenders do not pay the total of ${totals.total}`);
  return {
    id: facts.id, receiptNumber: facts.receiptNumber, soldAt: facts.soldAt.toISOString(), outletId: facts.outletId,
    lines: pricedLines(cart, rule), ...(cart.discount && { discount: cart.discount }), totals, tenders: tenders.map((tender) => ({ ...tender })),
  };
}

/** Where the till's origin forwards the upload (the order app's PUT /offline-sales/:id). */
export const uploadPath = (sale: Pick<OfflineSale, 'id'>): string => `/api/order/offline-sales/${encodeURIComponent(sale.id)}`;

/** The exact body of PUT /offline-sales/:id: only the contract's fields, the same every time. */
export function uploadBody(sale: OfflineSale): OfflineSaleBody {
  return {
    receiptNumber: sale.receiptNumber,
    soldAt: sale.soldAt,
    outletId: sale.outletId,
    lines: sale.lines.map((line) => ({
      productId: line.productId, unit: line.unit, quantity: line.quantity, unitPrice: line.unitPrice, lineTotal: line.listAmount, taxClass: line.taxClass,
      ...(line.discount && { discount: { ...line.discount } }), ...(line.amount !== line.listAmount && { net: line.amount }),
    })),
    ...(sale.discount && { discount: { ...sale.discount } }),
    totals: { total: sale.totals.total, tax: sale.totals.tax },
    tenders: sale.tenders.map((tender) => (tender.kind === 'cash'
      ? { kind: 'cash', amount: tender.amount, tendered: tender.tendered }
      : { kind: 'external', amount: tender.amount, ...(tender.reference ? { reference: tender.reference } : {}) })),
  };
}

export * from './upload-outcome.ts';

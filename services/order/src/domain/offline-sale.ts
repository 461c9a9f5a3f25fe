// A sale a till made while offline and uploaded later, taken as it was made: the till's prices,
// tax classes and totals are the record. These rules check that they hold together (a sale that
// cannot is a 422 naming the field) and say what the back office should look at; nothing is
// recomputed silently. The sale was paid when it was made: cash handed over (tendered ≥ amount,
// the rest was change) or paid elsewhere ('external', e.g. the shop's own card terminal), the
// amounts together exactly the total. Discounts come as the till gave them, with what each line
// came to (`net`): they must be what discounts.ts makes of them, as PPN must be tax.ts's.
import { UnprocessableError, type TillClaim } from '@pos/platform';
import { beyondLimit, discountLines, type ApprovalNeed, type DiscountRequest } from './discounts.ts';
import { MAX_BASE_QUANTITY, oversizedProduct, withDiscounts, type CatalogueProduct, type PricedOrder } from './pricing.ts';
import { includedTax, type TaxClass, type TaxRuleApplied } from './tax.ts';
import type { Tender } from './tenders.ts';

export interface OfflineLine {
  productId: string;
  unit: string;
  /** In the unit; goods sold by weight in their pricing unit: in grams (docs/till-api.md). */
  quantity: number;
  unitPrice: number;
  /** Before discounts: unit price × quantity, or the scale's price. */
  lineTotal: number;
  taxClass: TaxClass;
  discount?: DiscountRequest | undefined;
  /** What the line came to after its discount and its share of the sale's; lineTotal when left out. */
  net?: number | undefined;
}

export type OfflineTender = { kind: 'cash'; amount: number; tendered: number } | { kind: 'external'; amount: number; reference?: string | undefined };

export interface OfflineSale {
  receiptNumber: string;
  soldAt: Date;
  outletId: string;
  lines: OfflineLine[];
  /** A discount on the whole sale, spread over its lines. */
  discount?: DiscountRequest | undefined;
  totals: { total: number; tax: number };
  tenders: OfflineTender[];
}

export type SaleFlag =
  | { code: 'PRICE_DIFFERS'; productId: string; unit: string; tillPrice: number; catalogPrice: number }
  | { code: 'STOCK_NEGATIVE'; productId: string }
  /** A cashier's discounts beyond their limit, given offline where no manager could approve them. */
  | { code: 'DISCOUNT_BEYOND_LIMIT'; action: ApprovalNeed['action']; amount: number }
  /** Arrived after the shift open at its till when it was made had closed: on that shift, not in its count. */
  | { code: 'SHIFT_CLOSED'; shiftId: string };

/** How far a till's clock may run ahead of ours: a sale dated later than this is refused. */
export const CLOCK_LEEWAY_MS = 5 * 60_000;

const invalid = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new UnprocessableError('OFFLINE_SALE.INVALID', message, { field, ...details });

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** `T01-000042`: the till's code, a dash, its counter (6 digits or more). */
export const isTillReceipt = (receiptNumber: string, tillCode: string): boolean =>
  receiptNumber.startsWith(`${tillCode}-`) && /^\d{6,}$/.test(receiptNumber.slice(tillCode.length + 1));

/** The rules a sale keeps whatever the catalogue says; throws on the first one broken. `rule` is
 * the PPN rule in force on the day of the sale: the till's tax must be the lines' PPN by it. */
export function checkOfflineSale(sale: OfflineSale, till: TillClaim, rule: TaxRuleApplied, now: Date): void {
  if (sale.outletId !== till.outletId) throw invalid('outletId', `till ${till.code} belongs to outlet ${till.outletId}, not ${sale.outletId}`);
  if (!isTillReceipt(sale.receiptNumber, till.code)) {
    throw invalid('receiptNumber', `receipt numbers of till ${till.code} look like ${till.code}-000001, not ${sale.receiptNumber}`);
  }
  if (sale.soldAt.getTime() > now.getTime() + CLOCK_LEEWAY_MS) throw invalid('soldAt', `the sale is dated ${sale.soldAt.toISOString()}, in the future`);
  const discounted = discountsOf(sale);
  const total = discounted.total;
  if (total !== sale.totals.total) throw invalid('totals.total', `the lines add up to ${total}, not ${sale.totals.total}`, { expected: total });
  const tax = sum(sale.lines.map((line, index) => includedTax(discounted.lines[index]?.amount ?? 0, line.taxClass, rule)));
  if (tax !== sale.totals.tax) throw invalid('totals.tax', `the PPN of the lines is ${tax} by the rule in force on the day of the sale, not ${sale.totals.tax}`, { expected: tax });
  for (const [index, tender] of sale.tenders.entries()) {
    if (tender.kind === 'cash' && tender.tendered < tender.amount) {
      throw invalid(`tenders.${index}.tendered`, `cash tendered (${tender.tendered}) is less than its amount (${tender.amount})`);
    }
  }
  const paid = sum(sale.tenders.map((tender) => tender.amount));
  if (paid !== total) throw invalid('tenders', `the tenders pay ${paid} of a total of ${total}`, { expected: total });
}

/** The sale's discounts by the rules (a discount beyond its line or percent bounds is a 422), and
 * each line's net checked against them. */
function discountsOf(sale: OfflineSale) {
  try {
    const discounted = discountLines(sale.lines.map((line) => ({ listAmount: line.lineTotal, discount: line.discount })), sale.discount);
    for (const [index, line] of sale.lines.entries()) {
      const expected = discounted.lines[index]?.amount;
      if ((line.net ?? line.lineTotal) !== expected) throw invalid(`lines.${index}.net`, `the line comes to ${expected} after its discounts, not ${line.net ?? line.lineTotal}`, { expected });
    }
    return discounted;
  } catch (error) {
    if (error instanceof UnprocessableError && error.code === 'ORDER.DISCOUNT_INVALID') throw invalid((error.details as { field: string }).field, error.message);
    throw error;
  }
}

/** The sale's lines as order lines, at the till's prices and tax classes, each unit found in the
 * catalogue (an unknown product or unit can never be taken: 422); and a PRICE_DIFFERS flag for
 * each unit price that is not the catalogue's today. Goods sold by weight cost the scale's price;
 * any other line costs unit price × quantity. */
export function offlineLines(sale: OfflineSale, products: ReadonlyMap<string, CatalogueProduct>, rule: TaxRuleApplied): PricedOrder & { flags: SaleFlag[] } {
  const unknown = [...new Set(sale.lines.map((line) => line.productId).filter((id) => !products.has(id)))];
  if (unknown.length > 0) throw invalid('lines', `products the catalogue does not know: ${unknown.join(', ')}`, { productIds: unknown });
  const flags = new Map<string, SaleFlag>();
  const lines = sale.lines.map((line, index) => {
    const product = products.get(line.productId);
    if (!product) throw new Error(`product ${line.productId} passed the unknown check`); // a bug if seen
    const unit = product.units.find((candidate) => candidate.name === line.unit);
    if (!unit) throw invalid(`lines.${index}.unit`, `product ${product.id} is not sold by the ${line.unit}`, { productId: product.id, unit: line.unit });
    if (!product.weighed && line.lineTotal !== line.unitPrice * line.quantity) {
      throw invalid(`lines.${index}.lineTotal`, `${line.quantity} × ${line.unitPrice} is not ${line.lineTotal}`, { expected: line.unitPrice * line.quantity });
    }
    if (line.unitPrice !== unit.price) {
      flags.set(`${product.id}\u0000${unit.name}\u0000${line.unitPrice}`,
        { code: 'PRICE_DIFFERS', productId: product.id, unit: unit.name, tillPrice: line.unitPrice, catalogPrice: unit.price });
    }
    // Goods sold by weight in their pricing unit come weighed in base units (grams) already.
    const inBaseUnits = product.weighed === true && unit === product.units[0];
    return {
      lineNo: index + 1, productId: product.id, sku: product.sku, name: product.name, unit: unit.name, quantity: line.quantity,
      baseQuantity: inBaseUnits ? line.quantity : unit.conversion * line.quantity, unitPrice: line.unitPrice, listAmount: line.lineTotal, taxClass: line.taxClass,
      discount: line.discount,
    };
  });
  const oversized = oversizedProduct(lines);
  if (oversized) throw invalid('lines', `product ${oversized}: more than ${MAX_BASE_QUANTITY} base units in one sale`, { productId: oversized });
  return { ...withDiscounts(lines, sale.discount, rule), flags: [...flags.values()] };
}

/** The tenders as the till took them: paid. */
export function offlineTenders(sale: OfflineSale, newId: () => string): Tender[] {
  return sale.tenders.map((tender): Tender => (tender.kind === 'cash'
    ? { id: newId(), kind: 'cash', amount: tender.amount, status: 'paid', tendered: tender.tendered, change: tender.tendered - tender.amount, externalId: null, refundDue: false }
    : { id: newId(), kind: 'external', amount: tender.amount, status: 'paid', tendered: null, change: null, externalId: tender.reference ?? null, refundDue: false }));
}

/** The flags with DISCOUNT_BEYOND_LIMIT added when the seller's role needed an approval for the
 * sale's discounts: the sale happened, so it is taken, and the back office is told. */
export function withDiscountCheck(flags: readonly SaleFlag[], lines: PricedOrder['lines'], needsApproval: boolean, limitPercent: number): SaleFlag[] {
  const need = needsApproval ? beyondLimit(lines, limitPercent) : null;
  return need ? [...flags, { code: 'DISCOUNT_BEYOND_LIMIT', ...need }] : [...flags];
}

/** The flags after inventory recorded the sale's stock: STOCK_NEGATIVE for each product it oversold. */
export const withOversold = (flags: readonly SaleFlag[], oversold: readonly string[]): SaleFlag[] => [
  ...flags.filter((flag) => flag.code !== 'STOCK_NEGATIVE'),
  ...oversold.map((productId): SaleFlag => ({ code: 'STOCK_NEGATIVE', productId })),
];

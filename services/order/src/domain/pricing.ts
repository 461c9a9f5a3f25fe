// A checkout's lines priced from the catalogue's answer: names, prices and tax classes come
// from the product app only; then discounted (discounts.ts) and taxed on what each line comes
// to. Amounts are whole Rupiah; the total is the sum of the lines.
import { ConflictError, UnprocessableError } from '@pos/platform';
import { discountLines, type AppliedDiscount, type DiscountRequest } from './discounts.ts';
import { includedTax, summarizeTax, type TaxClass, type TaxRuleApplied, type TaxSummaryLine } from './tax.ts';

/** What the order needs of a catalogue product. */
export interface CatalogueProduct {
  id: string;
  sku: string;
  name: string;
  taxClass: TaxClass;
  active: boolean;
  /** Sold by weight: a line's price is the scale's, not unit price × quantity. */
  weighed?: boolean;
  units: { name: string; conversion: number; price: number }[];
}

export interface RequestedLine {
  productId: string;
  /** A selling unit's name; the product's first unit when left out. */
  unit?: string;
  /** In the unit; a scale label's line: in base units (grams), as the label's lookup answers it. */
  quantity: number;
  /** A scale label's own price for this line, which replaces unit price × quantity. */
  labelPrice?: number;
  discount?: DiscountRequest | undefined;
}

export interface OrderLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  /** Units of stock (the product's base unit) this line takes. */
  baseQuantity: number;
  unitPrice: number;
  /** Unit price × quantity (or the scale label's price), before discounts. */
  listAmount: number;
  /** The line's own discount (a price override has a reason). */
  discount: AppliedDiscount | null;
  /** The line's part of the order discount. */
  orderDiscountShare: number;
  /** What the line comes to: listAmount − discount − orderDiscountShare; its PPN is on this. */
  amount: number;
  taxClass: TaxClass;
  tax: number;
}

export interface PricedOrder {
  lines: OrderLine[];
  /** The order discount, if any (spread over the lines' amounts). */
  discount: AppliedDiscount | null;
  total: number;
  taxes: TaxSummaryLine[];
}

/** Lines priced before discounts, then discounted and taxed: the one way a line's amount and PPN are made. */
export function withDiscounts(
  lines: readonly (Omit<OrderLine, 'discount' | 'orderDiscountShare' | 'amount' | 'tax'> & { discount?: DiscountRequest | undefined })[],
  orderDiscount: DiscountRequest | undefined, rule: TaxRuleApplied,
): PricedOrder {
  const discounted = discountLines(lines, orderDiscount);
  const priced = lines.map((line, index): OrderLine => {
    const { discount, orderDiscountShare, amount } = discounted.lines[index] ?? { discount: null, orderDiscountShare: 0, amount: line.listAmount };
    return { ...line, discount, orderDiscountShare, amount, tax: includedTax(amount, line.taxClass, rule) };
  });
  return { lines: priced, discount: discounted.orderDiscount, total: discounted.total, taxes: summarizeTax(priced) };
}

/** The most base units of one product an order may take: the order's lines, inventory's stock
 * and its Reserve call keep them in 32-bit integers. */
export const MAX_BASE_QUANTITY = 2 ** 31 - 1;

/** The first product whose lines together take more than MAX_BASE_QUANTITY, if any. */
export const oversizedProduct = (lines: readonly Pick<OrderLine, 'productId' | 'baseQuantity'>[]): string | undefined =>
  stockLines(lines).find((line) => line.quantity > MAX_BASE_QUANTITY)?.productId;

/** Refuses products the catalogue does not know (422) or no longer sells (409), naming each. */
export function requireSellable(requested: readonly RequestedLine[], products: ReadonlyMap<string, CatalogueProduct>): void {
  const unknown = [...new Set(requested.map((line) => line.productId).filter((id) => !products.has(id)))];
  if (unknown.length > 0) throw new UnprocessableError('ORDER.PRODUCT_UNKNOWN', `unknown products: ${unknown.join(', ')}`, { productIds: unknown });
  const inactive = [...new Set(requested.map((line) => line.productId).filter((id) => products.get(id)?.active === false))];
  if (inactive.length > 0) throw new ConflictError('ORDER.PRODUCT_INACTIVE', `products no longer sold: ${inactive.join(', ')}`, { productIds: inactive });
}

export function priceLines(
  requested: readonly RequestedLine[], products: ReadonlyMap<string, CatalogueProduct>, rule: TaxRuleApplied, orderDiscount?: DiscountRequest,
): PricedOrder {
  requireSellable(requested, products);
  const lines = requested.map((line, index) => {
    const product = products.get(line.productId);
    if (!product) throw new Error(`product ${line.productId} passed requireSellable unknown`); // a bug if seen
    const unit = line.unit === undefined ? product.units[0] : product.units.find((candidate) => candidate.name === line.unit);
    if (!unit) throw new UnprocessableError('ORDER.UNIT_UNKNOWN', `product ${product.id} is not sold by the ${line.unit}`, { productId: product.id, unit: line.unit });
    const listAmount = line.labelPrice ?? unit.price * line.quantity;
    // A scale label's weight is in base units already (1 250 g of rice sold by the kg).
    const baseQuantity = line.labelPrice === undefined ? unit.conversion * line.quantity : line.quantity;
    if (baseQuantity < 1) throw new UnprocessableError('ORDER.SCALE_LABEL_EMPTY', `the scale label of product ${product.id} weighs nothing`, { productId: product.id });
    return {
      lineNo: index + 1, productId: product.id, sku: product.sku, name: product.name, unit: unit.name, quantity: line.quantity,
      baseQuantity, unitPrice: unit.price, listAmount, taxClass: product.taxClass, discount: line.discount,
    };
  });
  const oversized = oversizedProduct(lines);
  if (oversized) {
    throw new UnprocessableError('ORDER.QUANTITY_TOO_LARGE', `product ${oversized}: more than ${MAX_BASE_QUANTITY} base units in one order`, { productId: oversized });
  }
  return withDiscounts(lines, orderDiscount, rule);
}

/** Stock to reserve: base units per product, one line each. */
export function stockLines(lines: readonly Pick<OrderLine, 'productId' | 'baseQuantity'>[]): { productId: string; quantity: number }[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.baseQuantity);
  return [...totals].map(([productId, quantity]) => ({ productId, quantity }));
}

// One line of a cart: what it costs, the PPN in it, and how its quantity reads.
import type { Discount, DiscountedLine } from './discounts.ts';
import { formatAmount } from './money.ts';
import { taxInside, type TaxClass, type TaxRule } from './tax.ts';
import { priceOfGrams } from './weight-price.ts';

export interface CartLine {
  /** Unique within the cart, never reused. */
  id: number;
  productId: string;
  name: string;
  unit: string;
  /** In the unit; grams when `byWeight`. */
  quantity: number;
  unitPrice: number;
  /** Base units in one unit (grams in a kg of a weighed good). */
  conversion: number;
  taxClass: TaxClass;
  /** Sold by weight: a weighed product in its pricing unit. */
  byWeight: boolean;
  /** A scale label's price: the line's amount. */
  labelPrice: number | null;
  /** The line's own discount (with a reason: a price override). */
  discount?: Discount;
}

/** A line with its price before discounts (listAmount), its discount and share of the sale's, and
 * what it comes to (amount) with the PPN in that. */
export interface PricedLine extends CartLine, DiscountedLine {
  tax: number;
}

/** Before discounts: the label's price; else the weight's price; else unit price × quantity. */
export function lineAmount(line: CartLine): number {
  if (line.labelPrice !== null) return line.labelPrice;
  return line.byWeight ? priceOfGrams({ conversion: line.conversion, price: line.unitPrice }, line.quantity) : line.unitPrice * line.quantity;
}

export function pricedLine(line: CartLine, discounted: DiscountedLine, rule: TaxRule): PricedLine {
  return { ...line, ...discounted, tax: taxInside(discounted.amount, line.taxClass, rule) };
}

/** "3 pcs"; by weight, in the unit with decimals: "1,25 kg" (1250 g of a 1000 g kg), or in grams
 * when the unit is no power of ten of them: "750 g". */
export function quantityText(line: Pick<CartLine, 'quantity' | 'unit' | 'conversion' | 'byWeight'>): string {
  if (!line.byWeight) return `${formatAmount(line.quantity)} ${line.unit}`;
  if (!/^10+$/.test(String(line.conversion))) return `${formatAmount(line.quantity)} g`;
  const decimals = String(line.conversion).length - 1;
  const whole = Math.floor(line.quantity / line.conversion);
  const fraction = String(line.quantity % line.conversion).padStart(decimals, '0').replace(/0+$/, '');
  return `${formatAmount(whole)}${fraction ? `,${fraction}` : ''} ${line.unit}`;
}

// The sale being rung up: plain JSON (the screen keeps it in IndexedDB), changed only through
// these functions, each returning a new cart. Prices, names and tax classes are the catalogue's
// at the moment a line was added; what the lines then add up to is frozen with the sale.
//
// Goods sold by weight (a weighed product in its pricing unit, the first) are lines of grams,
// as the order service takes a scale label from the product service: `unit` names the pricing
// unit ("kg"), `quantity` is grams, and the amount is the label's price or the weight's price.
// Each weighing is a line of its own, never merged: a label's price is the record of that pack.
import { lineAmount, pricedLine, type CartLine, type PricedLine } from './cart-line.ts';
import { DiscountError, discountLines, type Discount } from './discounts.ts';
import { weighingOfLabel, type ScaleLabel } from './scale-label.ts';
import { totalsByClass, type ClassTotal, type TaxClass, type TaxRule } from './tax.ts';

export { lineAmount, quantityText, type CartLine, type PricedLine } from './cart-line.ts';

/** What the cart needs of a catalogue product (the catalogue feed's products have more). */
export interface SellableProduct {
  id: string;
  name: string;
  taxClass: TaxClass;
  weighed: boolean;
  units: readonly { name: string; conversion: number; price: number }[];
}

export interface Cart {
  version: 1;
  lines: CartLine[];
  nextLineId: number;
  /** On the whole sale, spread over its lines. */
  discount?: Discount;
}

export interface CartTotals {
  total: number;
  tax: number;
  byClass: ClassTotal[];
  /** The lines after their own discounts, before the sale's. */
  subtotal: number;
  /** The sale's discount in Rupiah. */
  saleDiscount: number;
  /** Every discount together. */
  discountTotal: number;
}

export type CartErrorCode = 'QUANTITY_INVALID' | 'LINE_UNKNOWN' | 'UNIT_UNKNOWN' | 'SOLD_BY_WEIGHT' | 'LABEL_FIXED' | 'DISCOUNT_INVALID';

/** A change the cart refuses; `code` names it for the screen (i18n key `cart.error.<code>`). */
export class CartError extends Error {
  readonly code: CartErrorCode;
  constructor(code: CartErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The most of one line: units, or grams by weight (the order service's carts take up to this). */
export const MAX_QUANTITY = 100_000;

export const emptyCart = (): Cart => ({ version: 1, lines: [], nextLineId: 1 });

function checkQuantity(quantity: number, max = MAX_QUANTITY): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > max) {
    throw new CartError('QUANTITY_INVALID', `a quantity is a whole number from 1 to ${MAX_QUANTITY}, not ${quantity}`);
  }
}

function unitOf(product: SellableProduct, unitName: string) {
  const unit = product.units.find((candidate) => candidate.name === unitName);
  if (!unit) throw new CartError('UNIT_UNKNOWN', `${product.name} is not sold by the ${unitName}`);
  return unit;
}

function pricingUnitOf(product: SellableProduct) {
  const unit = product.units[0];
  if (!unit) throw new CartError('UNIT_UNKNOWN', `${product.name} has no unit`);
  return unit;
}

/** A weighed product's pricing unit is sold by weight only; its other units (a sack) by count. */
const soldByWeight = (product: SellableProduct, unitName: string): boolean => product.weighed && pricingUnitOf(product).name === unitName;

function lineOf(cart: Cart, lineId: number): CartLine {
  const line = cart.lines.find((candidate) => candidate.id === lineId);
  if (!line) throw new CartError('LINE_UNKNOWN', `no line ${lineId} in this cart`);
  return line;
}

function appended(cart: Cart, line: Omit<CartLine, 'id'>): Cart {
  return { ...cart, lines: [...cart.lines, { id: cart.nextLineId, ...line }], nextLineId: cart.nextLineId + 1 };
}

const replaced = (cart: Cart, line: CartLine): Cart => ({ ...cart, lines: cart.lines.map((other) => (other.id === line.id ? line : other)) });

/** `quantity` of a unit counted (not weighed); joins the line of the same product and unit. */
export function addUnits(cart: Cart, product: SellableProduct, unitName: string, quantity = 1): Cart {
  const unit = unitOf(product, unitName);
  if (soldByWeight(product, unitName)) throw new CartError('SOLD_BY_WEIGHT', `${product.name} by the ${unitName} is weighed`);
  checkQuantity(quantity);
  const same = cart.lines.find((line) => line.productId === product.id && line.unit === unit.name);
  if (same) {
    checkQuantity(same.quantity + quantity);
    return replaced(cart, { ...same, quantity: same.quantity + quantity });
  }
  return appended(cart, {
    productId: product.id, name: product.name, unit: unit.name, quantity, unitPrice: unit.price,
    conversion: unit.conversion, taxClass: product.taxClass, byWeight: false, labelPrice: null,
  });
}

function weighedLine(product: SellableProduct, grams: number, labelPrice: number | null): Omit<CartLine, 'id'> {
  if (!product.weighed) throw new CartError('UNIT_UNKNOWN', `${product.name} is not sold by weight`);
  // A label is the record of its pack, whatever it weighs; but one that buys no gram is a misprint.
  checkQuantity(grams, labelPrice === null ? MAX_QUANTITY : Number.MAX_SAFE_INTEGER);
  const unit = pricingUnitOf(product);
  return {
    productId: product.id, name: product.name, unit: unit.name, quantity: grams, unitPrice: unit.price,
    conversion: unit.conversion, taxClass: product.taxClass, byWeight: true, labelPrice,
  };
}

/** A weight read from the scale or keyed in, priced by the product's pricing unit. */
export const addWeighed = (cart: Cart, product: SellableProduct, grams: number): Cart => appended(cart, weighedLine(product, grams, null));

/** A scale label of a weighed product: its weight and its price, as the product service reads it. */
export function addScaleLabel(cart: Cart, product: SellableProduct, label: ScaleLabel): Cart {
  const { grams, price } = weighingOfLabel(pricingUnitOf(product), label);
  return appended(cart, weighedLine(product, grams, price));
}

/** The cart if its discounts still fit (each at most what it is taken from); else a CartError. */
function fitting(cart: Cart): Cart {
  try {
    discountLines(cart.lines.map((line) => ({ listAmount: lineAmount(line), discount: line.discount })), cart.discount);
  } catch (error) {
    if (error instanceof DiscountError) throw new CartError('DISCOUNT_INVALID', error.message);
    throw error;
  }
  return cart;
}

/** A line's own discount (undefined removes it); with a reason it is a price override. */
export function setLineDiscount(cart: Cart, lineId: number, discount: Discount | undefined): Cart {
  const reason = discount?.reason;
  if (reason !== undefined && (reason.trim() === '' || reason.trim() !== reason || reason.length > 200)) {
    throw new CartError('DISCOUNT_INVALID', 'a price override\'s reason is 1 to 200 characters, without spaces around');
  }
  const line: CartLine = { ...lineOf(cart, lineId) };
  if (discount) line.discount = discount;
  else delete line.discount;
  return fitting(replaced(cart, line));
}

/** The sale's discount (undefined removes it). */
export function setSaleDiscount(cart: Cart, discount: Discount | undefined): Cart {
  const next: Cart = { ...cart };
  if (discount) next.discount = discount;
  else delete next.discount;
  return fitting(next);
}

/** A new quantity for a line (0 removes it). A label's line keeps its weight: its price is printed. */
export function setQuantity(cart: Cart, lineId: number, quantity: number): Cart {
  const line = lineOf(cart, lineId);
  if (quantity === 0) return removeLine(cart, lineId);
  if (line.labelPrice !== null) throw new CartError('LABEL_FIXED', 'a scale label\'s weight and price are the label\'s');
  checkQuantity(quantity);
  return fitting(replaced(cart, { ...line, quantity }));
}

/** Sells a counted line by another unit of its product, at that unit's price; joins a line already in that unit. */
export function changeUnit(cart: Cart, lineId: number, product: SellableProduct, unitName: string): Cart {
  const line = lineOf(cart, lineId);
  if (line.byWeight || soldByWeight(product, unitName)) throw new CartError('SOLD_BY_WEIGHT', 'a weighed line keeps its unit');
  const unit = unitOf(product, unitName);
  const other = cart.lines.find((candidate) => candidate.id !== lineId && candidate.productId === line.productId && candidate.unit === unit.name);
  if (!other) return fitting(replaced(cart, { ...line, unit: unit.name, unitPrice: unit.price, conversion: unit.conversion }));
  checkQuantity(other.quantity + line.quantity);
  return fitting(replaced({ ...cart, lines: cart.lines.filter((candidate) => candidate.id !== lineId) }, { ...other, quantity: other.quantity + line.quantity }));
}

/** Removes a line (refused while the sale's discount would be more than what is left). */
export function removeLine(cart: Cart, lineId: number): Cart {
  lineOf(cart, lineId);
  return fitting({ ...cart, lines: cart.lines.filter((line) => line.id !== lineId) });
}

const discounted = (cart: Cart) => discountLines(cart.lines.map((line) => ({ listAmount: lineAmount(line), discount: line.discount })), cart.discount);

/** Each line with its price, its discounts, what it comes to and the PPN in that. */
export function pricedLines(cart: Cart, rule: TaxRule): PricedLine[] {
  const { lines } = discounted(cart);
  return cart.lines.map((line, index) => pricedLine(line, lines[index] ?? { listAmount: 0, discountAmount: 0, orderDiscountShare: 0, amount: 0 }, rule));
}

export function cartTotals(cart: Cart, rule: TaxRule): CartTotals {
  const lines = pricedLines(cart, rule);
  const { subtotal, saleDiscount, total } = discounted(cart);
  return {
    total, tax: lines.reduce((sum, line) => sum + line.tax, 0), byClass: totalsByClass(lines),
    subtotal, saleDiscount, discountTotal: lines.reduce((sum, line) => sum + line.listAmount - line.amount, 0),
  };
}

// Scale labels: EAN-13 codes `PP IIIII VVVVV C` printed by the shop's scales, the same rules
// as services/product/src/domain/scale-label.ts (that file is pure, but a service may not
// import another's code; tests/stack/till-rules-match-servers.test.ts holds the two together).
// PP, in GS1's in-store range 20–29, says whether VVVVV is grams or whole Rupiah (the shop's
// choice, the product service's SCALE_WEIGHT_PREFIX and SCALE_PRICE_PREFIX); IIIII is the PLU.
import { gramsForPrice, priceOfGrams, type WeightUnit } from './weight-price.ts';

export interface ScaleLabelPrefixes {
  weight: string;
  price: string;
}

/** The product service's defaults. */
export const DEFAULT_SCALE_PREFIXES: ScaleLabelPrefixes = { weight: '21', price: '22' };

export type ScaleLabel =
  | { plu: string; carries: 'weight'; grams: number }
  | { plu: string; carries: 'price'; price: number };

/** GS1 check digit of `body`: from the right, weights 3, 1, 3, … */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((digit, position) => {
    sum += Number(digit) * (position % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10;
}

/** A 13-digit EAN or a 12-digit UPC-A whose last digit checks. */
export function isValidBarcode(code: string): boolean {
  return /^\d{12,13}$/.test(code) && gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** The label in `code`, or undefined when `code` is no scale label under these prefixes. */
export function decodeScaleLabel(code: string, prefixes: ScaleLabelPrefixes): ScaleLabel | undefined {
  if (code.length !== 13 || !isValidBarcode(code)) return undefined;
  const [prefix, plu, value] = [code.slice(0, 2), code.slice(2, 7), Number(code.slice(7, 12))];
  switch (prefix) {
    case prefixes.weight: return { plu, carries: 'weight', grams: value };
    case prefixes.price: return { plu, carries: 'price', price: value };
    default: return undefined;
  }
}

/** What a label sells at the product's pricing unit: the weight printed and its price, or the price printed and the weight it buys. */
export function weighingOfLabel(pricingUnit: WeightUnit, label: ScaleLabel): { grams: number; price: number } {
  return label.carries === 'weight'
    ? { grams: label.grams, price: priceOfGrams(pricingUnit, label.grams) }
    : { grams: gramsForPrice(pricingUnit, label.price), price: label.price };
}

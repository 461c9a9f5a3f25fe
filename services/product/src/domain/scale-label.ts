// Scale labels: shop scales print an EAN-13 `PP IIIII VVVVV C`, where PP is a prefix in
// 20–29 (GS1's in-store range) that says what VVVVV holds, IIIII the product's PLU and
// C the check digit. Which prefix means weight and which means price is the shop's choice.
import { isValidBarcode } from './barcode.ts';

export interface ScaleLabelPrefixes {
  /** VVVVV is the weight in grams. */
  weight: string;
  /** VVVVV is the price in whole Rupiah. */
  price: string;
}

export type ScaleLabel =
  | { plu: string; carries: 'weight'; grams: number }
  | { plu: string; carries: 'price'; price: number };

export const isInStorePrefix = (prefix: string): boolean => /^2\d$/.test(prefix);

/** The label's PLU and value, or undefined when the code is not a scale label. */
export function decodeScaleLabel(code: string, prefixes: ScaleLabelPrefixes): ScaleLabel | undefined {
  if (code.length !== 13 || !isValidBarcode(code)) return undefined;
  const prefix = code.slice(0, 2);
  const plu = code.slice(2, 7);
  const value = Number(code.slice(7, 12));
  if (prefix === prefixes.weight) return { plu, carries: 'weight', grams: value };
  if (prefix === prefixes.price) return { plu, carries: 'price', price: value };
  return undefined;
}

// EAN-13 and UPC-A barcodes (GTIN-13 and GTIN-12): digits only, the last one a check digit.

/** The GS1 check digit of the digits before it: weights 3 and 1 from the right. */
export function checkDigitOf(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** An EAN-13 or a UPC-A whose check digit is right. */
export function isValidBarcode(code: string): boolean {
  if (!/^(\d{12}|\d{13})$/.test(code)) return false;
  return checkDigitOf(code.slice(0, -1)) === Number(code.at(-1));
}

/** Completes digits with their check digit (for scale labels and test data). */
export const withCheckDigit = (body: string): string => `${body}${checkDigitOf(body)}`;

// Money on the till: whole Rupiah as integers (the Rupiah has no minor unit in use). Written as
// id-ID does, "Rp 12.500": a dot between thousands. Grouped by hand rather than with
// Intl.NumberFormat, whose currency style puts a no-break space and ",00" in, which thermal
// printers and cashiers' eyes both trip over.

/** 12500 → "12.500"; -12500 → "-12.500". */
export function formatAmount(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${amount} is not a whole number of Rupiah`);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+$)/g, '.');
  return amount < 0 ? `-${digits}` : digits;
}

/** 12500 → "Rp 12.500"; -12500 → "-Rp 12.500". */
export function formatRupiah(amount: number): string {
  const text = formatAmount(amount);
  return text.startsWith('-') ? `-Rp ${text.slice(1)}` : `Rp ${text}`;
}

/** The most a cashier may key in for one amount: above it the input is a slip of the hand (or a scan). */
export const MAX_KEYED_AMOUNT = 1_000_000_000;

/**
 * What a cashier typed as an amount, or null when it is not one: "12500", "12.500", "Rp 12.500",
 * "12.500,-" and "12.500,00" are 12500. Dots must group thousands ("12.50" is refused, it could be
 * meant as 12,50), and a fraction other than ",00" is refused (no sen on the till).
 */
export function parseRupiah(input: string): number | null {
  const text = input.trim().replace(/^rp\.?\s*/i, '').replace(/,(-|00)$/, '');
  if (!/^(\d+|\d{1,3}(\.\d{3})+)$/.test(text)) return null;
  const amount = Number(text.replaceAll('.', ''));
  return amount <= MAX_KEYED_AMOUNT ? amount : null;
}

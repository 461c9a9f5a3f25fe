// PPN (Indonesian VAT) on tax-inclusive shelf prices, as in force since 2025: a 12% rate,
// charged on a base of 11/12 of the price for ordinary goods (effectively 11%), on the full
// price for luxury goods, not at all on exempt goods, and by no shop not registered for VAT.
//
// Rounding rule (the only one): each line's PPN is its inclusive amount times the effective
// rate over (1 + the effective rate), rounded half up to a whole Rupiah; its base is the
// amount minus that PPN. So every line's base + PPN is its amount, and the per-class sums add
// up to the order's total to the Rupiah.
import { calendarDate, z } from '@pos/platform';

export const TAX_CLASSES = ['standard', 'luxury', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

/** One set of rates, in force from a date (YYYY-MM-DD, the shop's calendar) until the next. */
export const taxRatesSchema = z.object({
  effectiveFrom: calendarDate,
  /** The PPN rate in percent. */
  ratePercent: z.number().int().min(0).max(100),
  /** The share of the (tax-exclusive) price that is taxed, per class, as [numerator, denominator]. */
  baseFraction: z.object({ standard: z.tuple([z.number().int().min(0), z.number().int().min(1)]), luxury: z.tuple([z.number().int().min(0), z.number().int().min(1)]) }),
});
export type TaxRates = z.infer<typeof taxRatesSchema>;

export const DEFAULT_TAX_RATES: TaxRates[] = [
  { effectiveFrom: '2025-01-01', ratePercent: 12, baseFraction: { standard: [11, 12], luxury: [1, 1] } },
];

/** What an order records, so its receipt never changes when the rates do. */
export interface TaxRuleApplied {
  registered: boolean;
  effectiveFrom: string | null;
  ratePercent: number;
  /** Per class, the effective rate on the tax-exclusive price as [numerator, denominator]. */
  effective: Record<TaxClass, [number, number]>;
}

/** The rates in force on `day` (YYYY-MM-DD): the latest that starts on or before it. */
export function ratesOn(rates: readonly TaxRates[], day: string): TaxRates | undefined {
  return [...rates].filter((r) => r.effectiveFrom <= day).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

export function taxRuleFor(rates: readonly TaxRates[], day: string, registered: boolean): TaxRuleApplied {
  const inForce = ratesOn(rates, day);
  if (!registered || !inForce) {
    return { registered, effectiveFrom: inForce?.effectiveFrom ?? null, ratePercent: 0, effective: { standard: [0, 1], luxury: [0, 1], exempt: [0, 1] } };
  }
  const share = ([num, den]: [number, number]): [number, number] => [inForce.ratePercent * num, 100 * den];
  return {
    registered,
    effectiveFrom: inForce.effectiveFrom,
    ratePercent: inForce.ratePercent,
    effective: { standard: share(inForce.baseFraction.standard), luxury: share(inForce.baseFraction.luxury), exempt: [0, 1] },
  };
}

/** The PPN inside a tax-inclusive amount: amount × e / (1 + e), rounded half up. */
export function includedTax(amount: number, taxClass: TaxClass, rule: TaxRuleApplied): number {
  const [num, den] = rule.effective[taxClass];
  if (num === 0) return 0;
  // amount × (num/den) / (1 + num/den) = amount × num / (den + num); half up on integers.
  return Math.floor((2 * amount * num + (den + num)) / (2 * (den + num)));
}

export interface TaxSummaryLine {
  taxClass: TaxClass;
  /** The tax-exclusive amount. */
  base: number;
  tax: number;
  /** base + tax: what the lines of this class cost. */
  gross: number;
}

/** Per class the sums of the lines' bases and taxes, in class order; classes with no line are left out. */
export function summarizeTax(lines: readonly { taxClass: TaxClass; amount: number; tax: number }[]): TaxSummaryLine[] {
  return TAX_CLASSES.flatMap((taxClass) => {
    const ofClass = lines.filter((line) => line.taxClass === taxClass);
    if (ofClass.length === 0) return [];
    const gross = ofClass.reduce((sum, line) => sum + line.amount, 0);
    const tax = ofClass.reduce((sum, line) => sum + line.tax, 0);
    return [{ taxClass, base: gross - tax, tax, gross }];
  });
}

// PPN inside tax-inclusive shelf prices, computed as the order service computes it, so an
// offline sale's frozen totals are the ones the server would have made (a test in
// tests/stack/till-rules-match-servers.test.ts holds the two together). The order service's
// module cannot be imported here: it pulls zod and @pos/platform into the browser bundle.
//
// Per line: PPN = amount × e / (1 + e), rounded half up to a whole Rupiah, where e is the
// class's effective rate (standard: 12% on 11/12 of the price, so 11%; luxury: 12% on all of
// it; exempt: none). The base is the amount minus its PPN, so every line adds up exactly.

export const TAX_CLASSES = ['standard', 'luxury', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

type Fraction = [numerator: number, denominator: number];

/** One set of rates, in force from a shop-calendar day (YYYY-MM-DD) until the next set. */
export interface TaxRates {
  effectiveFrom: string;
  ratePercent: number;
  /** The taxed share of the tax-exclusive price, per taxed class. */
  baseFraction: { standard: Fraction; luxury: Fraction };
}

/** The order service's default (its TAX_RATES setting may differ; the till then takes the same). */
export const DEFAULT_TAX_RATES: readonly TaxRates[] = [
  { effectiveFrom: '2025-01-01', ratePercent: 12, baseFraction: { standard: [11, 12], luxury: [1, 1] } },
];

/** The rule a sale was taxed by: per class, the effective rate on the exclusive price. */
export interface TaxRule {
  registered: boolean;
  effectiveFrom: string | null;
  ratePercent: number;
  effective: Record<TaxClass, Fraction>;
}

const untaxed: Record<TaxClass, Fraction> = { standard: [0, 1], luxury: [0, 1], exempt: [0, 1] };

/** The shop-calendar day (YYYY-MM-DD) of an instant: rates change at the shop's midnight. */
export const shopDay = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/** The rule on `day` (YYYY-MM-DD): the latest set starting on or before it; none for a shop not registered for VAT. */
export function taxRuleOn(rates: readonly TaxRates[], day: string, registered: boolean): TaxRule {
  let inForce: TaxRates | undefined;
  for (const candidate of rates) {
    if (candidate.effectiveFrom <= day && (!inForce || candidate.effectiveFrom > inForce.effectiveFrom)) inForce = candidate;
  }
  const effectiveFrom = inForce?.effectiveFrom ?? null;
  if (!inForce || !registered) return { registered, effectiveFrom, ratePercent: 0, effective: { ...untaxed } };
  const percent = inForce.ratePercent;
  const onShare = ([taxed, of]: Fraction): Fraction => [percent * taxed, 100 * of];
  return {
    registered, effectiveFrom, ratePercent: percent,
    effective: { standard: onShare(inForce.baseFraction.standard), luxury: onShare(inForce.baseFraction.luxury), exempt: [0, 1] },
  };
}

/** The PPN inside an inclusive amount, rounded half up (in integers, so no float drift). */
export function taxInside(amount: number, taxClass: TaxClass, rule: TaxRule): number {
  const [rateNum, rateDen] = rule.effective[taxClass];
  if (rateNum === 0) return 0;
  // amount · (n/d) / (1 + n/d) = amount · n / (n + d); half up: ⌊(2·a·n + (n+d)) / (2·(n+d))⌋
  const divisor = rateNum + rateDen;
  return Math.floor((2 * amount * rateNum + divisor) / (2 * divisor));
}

export interface ClassTotal {
  taxClass: TaxClass;
  /** Tax-exclusive. */
  base: number;
  tax: number;
  /** base + tax. */
  gross: number;
}

/** Sums per class, in TAX_CLASSES order, leaving out classes without a line. */
export function totalsByClass(lines: readonly { taxClass: TaxClass; amount: number; tax: number }[]): ClassTotal[] {
  const totals: ClassTotal[] = [];
  for (const taxClass of TAX_CLASSES) {
    const mine = lines.filter((line) => line.taxClass === taxClass);
    if (mine.length === 0) continue;
    let gross = 0;
    let tax = 0;
    for (const line of mine) {
      gross += line.amount;
      tax += line.tax;
    }
    totals.push({ taxClass, base: gross - tax, tax, gross });
  }
  return totals;
}

// The rules of a shift's cash drawer: what the counted notes and coins come to, what the drawer
// should hold, the variance between the two, and when a variance needs a manager. Pure: the
// figures come from the store, the threshold from config.
import { UnprocessableError } from '@pos/platform';

/** The Rupiah notes and coins in circulation (the Rp1 000 note and coin count alike). */
export const DENOMINATIONS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

export interface CountedLine {
  value: Denomination;
  count: number;
}

/** What the drawer took and gave during the shift, each a sum of integer Rupiah. */
export interface CashFigures {
  openingFloat: number;
  /** Cash handed over by customers (tendered), before change. */
  received: number;
  change: number;
  /** Cash given back from the drawer: returns and refunds due paid in cash. */
  refunds: number;
  cashIn: number;
  cashOut: number;
}

/** What the count comes to; each denomination at most once, so a count is read one way only. */
export function countedTotal(counted: readonly CountedLine[]): number {
  const seen = new Set<number>();
  let total = 0;
  for (const [index, line] of counted.entries()) {
    if (!DENOMINATIONS.includes(line.value)) {
      throw new UnprocessableError('SHIFT.COUNT_INVALID', `${line.value} is not a Rupiah note or coin`, { field: `counted.${index}.value` });
    }
    if (seen.has(line.value)) {
      throw new UnprocessableError('SHIFT.COUNT_INVALID', `Rp${line.value} is counted twice`, { field: `counted.${index}.value` });
    }
    seen.add(line.value);
    total += line.value * line.count;
  }
  return total;
}

/** What the drawer should hold: the float, plus cash taken less change, less cash refunded,
 * plus cash put in, less cash taken out. */
export const expectedCash = (f: CashFigures): number => f.openingFloat + f.received - f.change - f.refunds + f.cashIn - f.cashOut;

/** Over (positive) or short (negative). */
export const variance = (counted: number, expected: number): number => counted - expected;

/** A variance beyond the threshold, either way, is a manager's to accept. */
export const varianceNeedsApproval = (varianceAmount: number, threshold: number): boolean => Math.abs(varianceAmount) > threshold;

/** The count in the order a cashier reads it: the largest note first, nothing counted left out. */
export const tidyCount = (counted: readonly CountedLine[]): CountedLine[] =>
  counted.filter((line) => line.count > 0).sort((a, b) => b.value - a.value);

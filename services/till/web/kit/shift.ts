// The cash drawer at the end of a shift: the Rupiah notes and coins counted, their total, and
// the variance against what the server expects (float + cash taken − change − cash refunds
// + cash in − cash out). The server decides whether the variance needs a manager.

/** Rupiah notes and coins in circulation, largest first (the order app's denominations). */
export const NOTES = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000] as const;
export const COINS = [500, 200, 100, 50] as const;
export const DENOMINATIONS = [...NOTES, ...COINS] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

/** How many of each were counted (a value not counted is none). */
export type Count = Partial<Record<Denomination, number>>;

/** The most of one note or coin a drawer holds: more is a slip of the hand. */
export const MAX_PIECES = 1_000_000;

/** A count typed by the cashier: "" is none, a whole number 0…MAX_PIECES, else null. */
export function parsePieces(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) return null;
  const pieces = Number(trimmed);
  return pieces <= MAX_PIECES ? pieces : null;
}

export const countedTotal = (count: Count): number =>
  DENOMINATIONS.reduce((total, value) => total + value * (count[value] ?? 0), 0);

/** Counted less expected: below zero the drawer is short, above it over. */
export const variance = (counted: number, expected: number): number => counted - expected;

/** POST /shifts/:id/close's counted: each value counted once, none of those not there. */
export const countedBody = (count: Count): { value: Denomination; count: number }[] =>
  DENOMINATIONS.filter((value) => (count[value] ?? 0) > 0).map((value) => ({ value, count: count[value] ?? 0 }));

/** An amount of cash moved in or out: whole Rupiah above zero. */
export const isCashAmount = (amount: number | null): amount is number => amount !== null && Number.isSafeInteger(amount) && amount > 0;

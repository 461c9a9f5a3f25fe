// Stock of one product and the rules every change obeys. No I/O: the stores load and save.
import { ConflictError } from '@pos/platform';

export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  version: number;
}

export interface StockLine {
  productId: string;
  quantity: number;
}

export interface Shortage {
  productId: string;
  requested: number;
  available: number;
  short: number;
}

export const available = (stock: StockLevel): number => stock.onHand - stock.reserved;

/** Same product twice in one request counts as one line with the sum, sorted by product id
 * (the order in which stock rows are locked). */
export function mergeLines(lines: readonly StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([productId, quantity]) => ({ productId, quantity }));
}

// By value: lines read back from jsonb have their keys in jsonb's order, not ours.
const linesKey = (lines: readonly StockLine[]) => lines.map((line) => `${line.productId}\u0000${line.quantity}`).join('\u0001');
/** The same merged lines (mergeLines), however they were stored. */
export const sameLines = (a: readonly StockLine[], b: readonly StockLine[]): boolean => linesKey(a) === linesKey(b);

/** All or nothing: every line that cannot be held, with how much is missing. Empty = all fit. */
export function shortagesOf(stock: ReadonlyMap<string, StockLevel>, lines: readonly StockLine[]): Shortage[] {
  return lines.flatMap((line) => {
    const free = Math.max(0, available(stock.get(line.productId) ?? { productId: line.productId, onHand: 0, reserved: 0, version: 0 }));
    return line.quantity > free ? [{ productId: line.productId, requested: line.quantity, available: free, short: line.quantity - free }] : [];
  });
}

export class ShortageError extends ConflictError {
  readonly shortages: Shortage[];

  constructor(shortages: Shortage[]) {
    super('INVENTORY.SHORTAGE', `not enough stock: ${shortages.map((s) => `${s.productId} short by ${s.short}`).join(', ')}`, { shortages });
    this.shortages = shortages;
  }
}

/** The stock after a change. Reserved never goes below zero. Available (on hand - reserved)
 * goes below zero only by a sale recorded after the fact (`oversell`): any other change that
 * would make it negative, or lower it further once it is, is refused. A change that leaves a
 * shortfall as it was or smaller (a commit, goods received) is allowed. */
function changed(stock: StockLevel, onHand: number, reserved: number, oversell = false): StockLevel {
  const after = onHand - reserved;
  if (reserved < 0 || (!oversell && after < 0 && after < available(stock))) {
    throw new ConflictError('INVENTORY.BELOW_RESERVED', `stock of ${stock.productId} cannot go to on hand ${onHand}, reserved ${reserved}`);
  }
  return { productId: stock.productId, onHand, reserved, version: stock.version + 1 };
}

export const reserveUnits = (stock: StockLevel, quantity: number) => changed(stock, stock.onHand, stock.reserved + quantity);
/** The sale: the units leave the shop and stop being held. */
export const commitUnits = (stock: StockLevel, quantity: number) => changed(stock, stock.onHand - quantity, stock.reserved - quantity);
export const releaseUnits = (stock: StockLevel, quantity: number) => changed(stock, stock.onHand, stock.reserved - quantity);
/** A sale a till made while offline, recorded after the fact: the units have left the shop,
 * so on hand goes down even below zero (the product is then oversold); nothing held changes. */
export const sellAfterTheFact = (stock: StockLevel, quantity: number) => changed(stock, stock.onHand - quantity, stock.reserved, true);

export type AdjustmentKind = 'received' | 'count' | 'damage' | 'loss';

/** received adds, damage and loss take away, count sets on hand to the counted figure. */
export function adjustStock(stock: StockLevel, kind: AdjustmentKind, quantity: number): StockLevel {
  switch (kind) {
    case 'received': return changed(stock, stock.onHand + quantity, stock.reserved);
    case 'count': return changed(stock, quantity, stock.reserved);
    case 'damage':
    case 'loss': return changed(stock, stock.onHand - quantity, stock.reserved);
  }
}

/** Goods a customer brought back: on hand goes up by them all. */
export const takeBack = (stock: StockLevel, quantity: number) => changed(stock, stock.onHand + quantity, stock.reserved);
/** Of goods just taken back, those damaged written off at once. With takeBack before it, available
 * never ends lower than it was, so it is allowed even where available is below zero. */
export const writeOffReturned = (stock: StockLevel, quantity: number) => changed(stock, stock.onHand - quantity, stock.reserved, true);

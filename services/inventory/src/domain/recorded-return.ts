// Goods a customer brought back, recorded once per return id however often the order service
// sends it: back on hand, and what came back damaged written off at once.
import { ConflictError } from '@pos/platform';

export interface ReturnedLine {
  productId: string;
  quantity: number;
  /** Back in the shop but not to be sold again. */
  damaged: boolean;
}

export interface RecordedReturn {
  returnId: string;
  orderId: string;
  /** Merged: one line per product and `damaged`, in product id order, undamaged first. */
  lines: ReturnedLine[];
  receiptNumber: string;
}

const keyOf = (line: ReturnedLine) => `${line.productId}\u0000${line.damaged ? 1 : 0}`;

export function mergeReturnLines(lines: readonly ReturnedLine[]): ReturnedLine[] {
  const merged = new Map<string, ReturnedLine>();
  for (const line of lines) {
    const seen = merged.get(keyOf(line));
    merged.set(keyOf(line), { ...line, quantity: (seen?.quantity ?? 0) + line.quantity });
  }
  return [...merged.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** Per product: the units coming back, and of them those written off. */
export function perProduct(lines: readonly ReturnedLine[]): Map<string, { back: number; damaged: number }> {
  const totals = new Map<string, { back: number; damaged: number }>();
  for (const line of lines) {
    const seen = totals.get(line.productId) ?? { back: 0, damaged: 0 };
    totals.set(line.productId, { back: seen.back + line.quantity, damaged: seen.damaged + (line.damaged ? line.quantity : 0) });
  }
  return totals;
}

// By value: lines read back from jsonb have their keys in jsonb's order, not ours.
const linesKey = (lines: readonly ReturnedLine[]) => JSON.stringify(lines.map((line) => [line.productId, line.damaged, line.quantity]));

/** A RecordReturn for a return recorded before: the first outcome again; other lines are refused. */
export function repeatRecordedReturn(existing: RecordedReturn, lines: readonly ReturnedLine[]): RecordedReturn {
  if (linesKey(existing.lines) !== linesKey(lines)) throw new ConflictError('INVENTORY.RETURN_ID_REUSED', `return ${existing.returnId} was recorded with other lines`);
  return existing;
}

export const returnReason = (receiptNumber: string, damaged: boolean): string =>
  damaged ? `returned damaged, written off: refund receipt ${receiptNumber}` : `returned: refund receipt ${receiptNumber}`;

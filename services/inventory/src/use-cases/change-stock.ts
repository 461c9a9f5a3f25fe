// The one way stock is written: the rows and their ledger lines together. The caller adds the
// returned stock.changed events to the outbox in one go (one insert pass, one notify).
import type { OutboxEvent, Transaction } from '@pos/platform';
import { stockChanged } from '../events/inventory-events.ts';
import { saveStockChanges, type LedgerEntry } from '../store/ledger.store.ts';

/** One statement whatever the number of products, so a Reserve holds its row locks for fewer
 * round trips. Each product at most once per call (a bug otherwise: one UPDATE writes a row once). */
export async function changeStock(tx: Transaction, changes: readonly LedgerEntry[]): Promise<OutboxEvent[]> {
  const products = changes.map((change) => change.after.productId);
  if (new Set(products).size !== products.length) throw new Error(`one stock change per product per call: ${products.join(', ')}`);
  if (changes.length === 0) return [];
  await saveStockChanges(tx, changes);
  return changes.map((change) => stockChanged(change.after));
}

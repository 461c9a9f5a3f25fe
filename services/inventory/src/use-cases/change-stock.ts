// The one way stock is written: the row and its ledger line together. The caller adds the
// returned stock.changed events to the outbox in one go (one insert pass, one notify).
import type { OutboxEvent, Transaction } from '@pos/platform';
import type { StockLevel } from '../domain/stock.ts';
import { stockChanged } from '../events/inventory-events.ts';
import { addLedgerLine, type LedgerCause } from '../store/ledger.store.ts';
import { saveStock } from '../store/stock.store.ts';

export async function changeStock(tx: Transaction, before: StockLevel, after: StockLevel, cause: LedgerCause): Promise<OutboxEvent> {
  await saveStock(tx, after);
  await addLedgerLine(tx, before, after, cause);
  return stockChanged(after);
}

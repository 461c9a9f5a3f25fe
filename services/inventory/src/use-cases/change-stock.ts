// The one way stock is written: the row, its ledger line and its stock.changed event, together.
import { addToOutbox, type Transaction } from '@pos/platform';
import type { StockLevel } from '../domain/stock.ts';
import { stockChanged } from '../events/inventory-events.ts';
import { addLedgerLine, type LedgerCause } from '../store/ledger.store.ts';
import { saveStock } from '../store/stock.store.ts';

export async function changeStock(tx: Transaction, before: StockLevel, after: StockLevel, cause: LedgerCause): Promise<void> {
  await saveStock(tx, after);
  await addLedgerLine(tx, before, after, cause);
  await addToOutbox(tx, [stockChanged(after)]);
}

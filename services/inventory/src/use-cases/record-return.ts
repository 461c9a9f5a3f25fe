// Goods a customer brought back (a return the order service recorded): each product's units back
// on hand with a 'return' ledger line, then those damaged written off at once with a 'damage'
// line, so the ledger says what came back and what could not be sold again.
import { addToOutbox, NotFoundError, withTransaction, type Pool } from '@pos/platform';
import { mergeReturnLines, perProduct, repeatRecordedReturn, returnReason, type RecordedReturn, type ReturnedLine } from '../domain/recorded-return.ts';
import { takeBack, writeOffReturned } from '../domain/stock.ts';
import type { LedgerEntry } from '../store/ledger.store.ts';
import { findRecordedReturn, insertRecordedReturn } from '../store/recorded-return.store.ts';
import { lockedRow, lockStock } from '../store/stock.store.ts';
import { changeStock } from './change-stock.ts';

export interface RecordReturnCommand {
  returnId: string;
  orderId: string;
  lines: ReturnedLine[];
  receiptNumber: string;
  actor: string;
}

/** Idempotent per return id: the stock moves once, and a retry answers the first outcome. */
export async function recordReturn(pool: Pool, command: RecordReturnCommand): Promise<RecordedReturn> {
  const recorded: RecordedReturn = { returnId: command.returnId, orderId: command.orderId, lines: mergeReturnLines(command.lines), receiptNumber: command.receiptNumber };
  return withTransaction(pool, async (tx) => {
    if (!(await insertRecordedReturn(tx, recorded))) {
      const existing = await findRecordedReturn(tx, command.returnId);
      if (!existing) throw new Error(`recorded return ${command.returnId} vanished`); // rows are never deleted
      return repeatRecordedReturn(existing, recorded.lines);
    }
    const totals = perProduct(recorded.lines);
    // Rows locked in product id order, as every other writer locks them: no deadlock.
    const stock = await lockStock(tx, [...totals.keys()]);
    const unknown = [...totals.keys()].filter((id) => !stock.has(id));
    if (unknown.length > 0) throw new NotFoundError('INVENTORY.PRODUCT_UNKNOWN', `unknown products: ${unknown.join(', ')}`, { productIds: unknown });
    const cause = (damaged: boolean) => ({ change: damaged ? 'damage' : 'return', orderId: command.orderId, returnId: command.returnId, actor: command.actor, reason: returnReason(command.receiptNumber, damaged) } as const);
    const back: LedgerEntry[] = [...totals].map(([productId, { back: units }]) => {
      const before = lockedRow(stock, productId);
      return { before, after: takeBack(before, units), cause: cause(false) };
    });
    // One change per product per statement: the write-offs go after the take-backs they follow.
    const writtenOff: LedgerEntry[] = back.flatMap(({ after }) => {
      const damaged = totals.get(after.productId)?.damaged ?? 0;
      return damaged > 0 ? [{ before: after, after: writeOffReturned(after, damaged), cause: cause(true) }] : [];
    });
    await addToOutbox(tx, [...await changeStock(tx, back), ...await changeStock(tx, writtenOff)]);
    return recorded;
  });
}

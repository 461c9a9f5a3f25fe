// A sale made while its till was offline, recorded after the fact: the units left the shop when
// the till sold them, so they come off on hand now, even below zero; a ledger line per product
// says which receipt took them. Reserved stock is left alone: those units are still promised.
import { addToOutbox, NotFoundError, withTransaction, type Pool } from '@pos/platform';
import { repeatRecordedSale, saleReason, type RecordedSale } from '../domain/recorded-sale.ts';
import { available, mergeLines, sellAfterTheFact, type StockLine } from '../domain/stock.ts';
import { findRecordedSale, insertRecordedSale, setOversold } from '../store/recorded-sale.store.ts';
import { lockedRow, lockStock } from '../store/stock.store.ts';
import { changeStock } from './change-stock.ts';

export interface RecordSaleCommand {
  orderId: string;
  lines: StockLine[];
  receiptNumber: string;
  soldAt: Date;
  actor: string;
}

/** Idempotent per order id: the stock moves once, and a retry answers the first outcome. */
export async function recordSale(pool: Pool, command: RecordSaleCommand): Promise<RecordedSale> {
  const lines = mergeLines(command.lines);
  const sale = { orderId: command.orderId, lines, receiptNumber: command.receiptNumber, soldAt: command.soldAt };
  return withTransaction(pool, async (tx) => {
    if (!(await insertRecordedSale(tx, sale))) {
      const existing = await findRecordedSale(tx, command.orderId);
      if (!existing) throw new Error(`recorded sale of ${command.orderId} vanished`); // rows are never deleted
      return repeatRecordedSale(existing, lines);
    }
    // Rows locked in product id order, as Reserve and the settles lock them: no deadlock.
    const stock = await lockStock(tx, lines.map((line) => line.productId));
    const unknown = lines.filter((line) => !stock.has(line.productId)).map((line) => line.productId);
    if (unknown.length > 0) throw new NotFoundError('INVENTORY.PRODUCT_UNKNOWN', `unknown products: ${unknown.join(', ')}`, { productIds: unknown });
    const cause = { change: 'sale', orderId: command.orderId, actor: command.actor, reason: saleReason(sale) } as const;
    const changes = lines.map((line) => {
      const before = lockedRow(stock, line.productId);
      return { before, after: sellAfterTheFact(before, line.quantity), cause };
    });
    await addToOutbox(tx, await changeStock(tx, changes));
    const oversold = changes.filter((change) => available(change.after) < 0).map((change) => change.after.productId);
    await setOversold(tx, command.orderId, oversold);
    return { ...sale, oversold };
  });
}

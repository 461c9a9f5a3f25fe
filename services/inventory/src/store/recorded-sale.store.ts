// recorded_sales: one row per order id whose sale was recorded after the fact.
import type { Transaction } from '@pos/platform';
import type { RecordedSale } from '../domain/recorded-sale.ts';

const columns = `order_id AS "orderId", lines, receipt_number AS "receiptNumber", sold_at AS "soldAt", oversold`;

/** The row is the order's lock: a concurrent RecordSale of the same order waits on the key here,
 * then finds it taken. Returns false when the order's sale was recorded already. */
export async function insertRecordedSale(tx: Transaction, sale: Omit<RecordedSale, 'oversold'>): Promise<boolean> {
  const { rowCount } = await tx.query(
    'INSERT INTO recorded_sales (order_id, lines, receipt_number, sold_at) VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING',
    [sale.orderId, JSON.stringify(sale.lines), sale.receiptNumber, sale.soldAt]);
  return rowCount === 1;
}

export async function findRecordedSale(tx: Transaction, orderId: string): Promise<RecordedSale | undefined> {
  const { rows } = await tx.query<RecordedSale>(`SELECT ${columns} FROM recorded_sales WHERE order_id = $1`, [orderId]);
  return rows[0];
}

export async function setOversold(tx: Transaction, orderId: string, productIds: readonly string[]): Promise<void> {
  await tx.query('UPDATE recorded_sales SET oversold = $2 WHERE order_id = $1', [orderId, JSON.stringify(productIds)]);
}

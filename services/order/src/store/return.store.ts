// returns, return_lines, return_counters, and each line's returned quantity.
import { ConflictError, type Pool, type Transaction } from '@pos/platform';
import type { OrderReturn, ReturnLine } from '../domain/order-return.ts';
import type { Refund } from '../domain/refunds.ts';
import { refundsOfOrder } from './refund.store.ts';

type Db = Pool | Transaction;

const returnColumns = `id, order_id AS "orderId", outlet_id AS "outletId", till_id AS "tillId", receipt_seq::float8 AS "receiptSeq",
  cashier_id AS "cashierId", cashier_name AS "cashierName", total::float8 AS total, taxes, refund_to AS "refundTo", created_at AS "createdAt",
  request_hash AS "requestHash"`;
// The line as sold (order_lines) and this return's part of it (return_lines).
const lineColumns = `r.return_id AS "returnId", r.line_no AS "lineNo", o.product_id AS "productId", o.sku, o.name, o.unit,
  r.quantity, r.base_quantity AS "baseQuantity", o.unit_price::float8 AS "unitPrice", r.amount::float8 AS amount, o.tax_class AS "taxClass",
  r.tax::float8 AS tax, r.reason, r.disposition`;

export type StoredReturn = OrderReturn & { requestHash: string };
type ReturnRow = Omit<StoredReturn, 'lines' | 'refunds'>;

/** The next refund receipt number of a till; the counter row stays locked until the transaction ends. */
export async function nextReturnSeq(tx: Transaction, outletId: string, tillId: string): Promise<number> {
  const { rows } = await tx.query<{ seq: number }>(
    `INSERT INTO return_counters (outlet_id, till_id, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (outlet_id, till_id) DO UPDATE SET last_seq = return_counters.last_seq + 1 RETURNING last_seq::float8 AS seq`,
    [outletId, tillId]);
  if (!rows[0]) throw new Error('the return counter upsert returned no row'); // a bug if seen
  return rows[0].seq;
}

/** Inserts the return and its lines, and counts them on the order's lines; false when a return
 * with this id exists already. A line would then hold more returned than sold: refused. */
export async function insertReturn(tx: Transaction, ret: OrderReturn, requestHash: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO returns (id, order_id, request_hash, outlet_id, till_id, receipt_seq, cashier_id, cashier_name, total, taxes, refund_to, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
    [ret.id, ret.orderId, requestHash, ret.outletId, ret.tillId, ret.receiptSeq, ret.cashierId, ret.cashierName, ret.total,
      JSON.stringify(ret.taxes), ret.refundTo, ret.createdAt]);
  if (rowCount !== 1) return false;
  for (const line of ret.lines) await insertLine(tx, ret, line);
  return true;
}

async function insertLine(tx: Transaction, ret: OrderReturn, line: ReturnLine): Promise<void> {
  const counted = await tx.query(
    'UPDATE order_lines SET returned_quantity = returned_quantity + $3 WHERE order_id = $1 AND line_no = $2 AND returned_quantity + $3 <= quantity',
    [ret.orderId, line.lineNo, line.quantity]);
  if (counted.rowCount !== 1) throw new ConflictError('RETURN.MORE_THAN_SOLD', `line ${line.lineNo} of order ${ret.orderId} has less left to return`, { lineNo: line.lineNo });
  await tx.query(
    `INSERT INTO return_lines (return_id, order_id, line_no, quantity, base_quantity, amount, tax, reason, disposition)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [ret.id, ret.orderId, line.lineNo, line.quantity, line.baseQuantity, line.amount, line.tax, line.reason, line.disposition]);
}

export async function findReturn(db: Db, id: string): Promise<StoredReturn | undefined> {
  const { rows } = await db.query<ReturnRow>(`SELECT ${returnColumns} FROM returns WHERE id = $1`, [id]);
  const [withLines] = await withLinesAndRefunds(db, rows);
  return withLines;
}

/** An order's returns, oldest first, each with its lines and refunds. */
export async function returnsOfOrder(db: Db, orderId: string): Promise<StoredReturn[]> {
  const { rows } = await db.query<ReturnRow>(`SELECT ${returnColumns} FROM returns WHERE order_id = $1 ORDER BY created_at, id`, [orderId]);
  return withLinesAndRefunds(db, rows);
}

/** `rows`: returns of one order. */
async function withLinesAndRefunds(db: Db, rows: ReturnRow[]): Promise<StoredReturn[]> {
  const [first] = rows;
  if (!first) return [];
  const ids = rows.map((row) => row.id);
  const lines = await db.query<ReturnLine & { returnId: string }>(
    `SELECT ${lineColumns} FROM return_lines r JOIN order_lines o ON o.order_id = r.order_id AND o.line_no = r.line_no
     WHERE r.return_id = ANY($1) ORDER BY r.line_no`, [ids]);
  const refunds: Refund[] = await refundsOfOrder(db, first.orderId);
  return rows.map((row) => ({
    ...row,
    lines: lines.rows.flatMap(({ returnId, ...line }) => (returnId === row.id ? [line] : [])),
    refunds: refunds.filter((refund) => refund.returnId === row.id),
  }));
}

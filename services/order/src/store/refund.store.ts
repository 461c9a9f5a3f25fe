// refunds: money owed back, asked of Midtrans, or given back.
import type { Pool, Transaction } from '@pos/platform';
import { tillReceiptNumber, type Order } from '../domain/order.ts';
import type { Refund } from '../domain/refunds.ts';

type Db = Pool | Transaction;

const columnsOf = (r: string) => `${r}.id, ${r}.order_id AS "orderId", ${r}.tender_id AS "tenderId", ${r}.cause, ${r}.return_id AS "returnId", ${r}.method,
  ${r}.amount::float8 AS amount, ${r}.status, ${r}.external_id AS "externalId", ${r}.paid_at AS "paidAt", ${r}.paid_by AS "paidBy",
  ${r}.created_at AS "createdAt"`;
const columns = columnsOf('refunds');

/** A tender has one refund due, and one refund per return: false when it has that one already. */
export async function insertRefund(tx: Transaction, refund: Refund): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO refunds (id, order_id, tender_id, cause, return_id, method, amount, status, external_id, paid_at, paid_by, created_at, shift_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
    [refund.id, refund.orderId, refund.tenderId, refund.cause, refund.returnId, refund.method, refund.amount, refund.status, refund.externalId,
      refund.paidAt, refund.paidBy, refund.createdAt, refund.shiftId ?? null]);
  return rowCount === 1;
}

/** `lock` holds its row until the transaction ends. */
export async function findRefund(db: Db, id: string, lock = false): Promise<Refund | undefined> {
  const { rows } = await db.query<Refund>(`SELECT ${columns} FROM refunds WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

export async function refundsOfOrder(db: Db, orderId: string): Promise<Refund[]> {
  const { rows } = await db.query<Refund>(`SELECT ${columns} FROM refunds WHERE order_id = $1 ORDER BY created_at, id`, [orderId]);
  return rows;
}

/** Saves a change of status, guarded by the status it was read in (`from`): false when another
 * writer changed it first. The shift changes only when `refund.shiftId` is given (null: none). */
export async function updateRefund(tx: Transaction, refund: Refund, from: Refund['status']): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE refunds SET status = $2, method = $3, external_id = $4, paid_at = $5, paid_by = $6, updated_at = now(),
       shift_id = CASE WHEN $8::boolean THEN $9::uuid ELSE shift_id END
     WHERE id = $1 AND status = $7`,
    [refund.id, refund.status, refund.method, refund.externalId, refund.paidAt, refund.paidBy, from, refund.shiftId !== undefined, refund.shiftId ?? null]);
  return rowCount === 1;
}

export interface RefundDueRow extends Refund {
  receiptNumber: string;
  orderStatus: string;
  tenderKind: string;
}

/** Every refund still owed, the oldest first, with the order it belongs to. */
export async function refundsDue(db: Pool, page: { limit: number; offset: number }): Promise<RefundDueRow[]> {
  const { rows } = await db.query<Refund & { orderStatus: string; tenderKind: string } & Pick<Order, 'outletId' | 'tillId' | 'receiptSeq'> & { tillReceipt: string | null }>(
    `SELECT ${columnsOf('r')}, o.status AS "orderStatus", t.kind AS "tenderKind", o.outlet_id AS "outletId", o.till_id AS "tillId",
       o.receipt_seq::float8 AS "receiptSeq", o.till_receipt AS "tillReceipt"
     FROM refunds r JOIN orders o ON o.id = r.order_id JOIN tenders t ON t.id = r.tender_id
     WHERE r.status = 'due' ORDER BY r.created_at, r.id LIMIT $1 OFFSET $2`, [page.limit, page.offset]);
  return rows.map(({ outletId, tillId, receiptSeq, tillReceipt, ...refund }) => ({
    ...refund, receiptNumber: tillReceipt ?? tillReceiptNumber(outletId, tillId, receiptSeq),
  }));
}

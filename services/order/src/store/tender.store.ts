// Tenders looked up on their own: by a till's Idempotency-Key, or by id when Midtrans names one.
import type { Pool, Transaction } from '@pos/platform';
import type { ChargeDetails, Tender } from '../domain/tenders.ts';

type Db = Pool | Transaction;

const columns = `id, order_id AS "orderId", kind, amount::float8 AS amount, status, tendered::float8 AS tendered, change::float8 AS change,
  external_id AS "externalId", refund_due AS "refundDue", request_hash AS "requestHash", charge`;

export type StoredTender = Tender & { orderId: string; requestHash: string | null; charge: ChargeDetails | null };

export async function findTender(db: Db, id: string): Promise<StoredTender | undefined> {
  const { rows } = await db.query<StoredTender>(`SELECT ${columns} FROM tenders WHERE id = $1`, [id]);
  return rows[0];
}

export async function findTenderByKey(db: Db, orderId: string, key: string): Promise<StoredTender | undefined> {
  const { rows } = await db.query<StoredTender>(`SELECT ${columns} FROM tenders WHERE order_id = $1 AND idempotency_key = $2`, [orderId, key]);
  return rows[0];
}

export async function saveCharge(db: Db, tenderId: string, charge: ChargeDetails): Promise<void> {
  await db.query('UPDATE tenders SET charge = $2, updated_at = now() WHERE id = $1', [tenderId, JSON.stringify(charge)]);
}

/** A charge Midtrans did not take: the tender stops counting against what is due, and lets go of
 * its Idempotency-Key, so the till's retry with that key charges anew. Only a pending one: a
 * notification may already have settled it. */
export async function cancelFailedCharge(tx: Transaction, tenderId: string): Promise<void> {
  await tx.query(
    `UPDATE tenders SET status = 'cancelled', idempotency_key = NULL, request_hash = NULL, updated_at = now()
     WHERE id = $1 AND status = 'pending'`, [tenderId]);
}

// Tenders looked up on their own: by a till's Idempotency-Key, by id when Midtrans names one, or
// pending ones for reconciliation to ask Midtrans about.
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

/** A pending QRIS or Snap tender due to be asked about: `checks` counts the questions before. */
export type TenderToCheck = StoredTender & { kind: 'qris' | 'snap'; createdAt: Date; checks: number };

/** Pending QRIS and Snap tenders whose next check is due (the first `firstWaitSeconds` after the
 * tender was made), oldest first, locked until the transaction ends; rows another reconciler
 * holds are skipped. */
export async function lockTendersToCheck(tx: Transaction, firstWaitSeconds: number, limit: number): Promise<TenderToCheck[]> {
  const { rows } = await tx.query<TenderToCheck>(
    `SELECT ${columns}, created_at AS "createdAt", checks FROM tenders
     WHERE status = 'pending' AND kind <> 'cash' AND coalesce(next_check_at, created_at + make_interval(secs => $1)) <= now()
     ORDER BY coalesce(next_check_at, created_at) LIMIT $2 FOR UPDATE SKIP LOCKED`, [firstWaitSeconds, limit]);
  return rows;
}

/** Counts a question about the tender and puts the next one `inSeconds` from now: until then no
 * reconciler, in any replica, takes it up again. */
export async function scheduleNextCheck(tx: Transaction, tenderId: string, inSeconds: number): Promise<void> {
  await tx.query(
    `UPDATE tenders SET checks = checks + 1, checked_at = now(), next_check_at = now() + make_interval(secs => $2) WHERE id = $1`,
    [tenderId, inSeconds]);
}

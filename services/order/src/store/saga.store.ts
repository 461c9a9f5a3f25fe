// saga_steps: calls to other apps owed after a commit, kept until done.
import type { Transaction } from '@pos/platform';

export type SagaAction = 'inventory.commit' | 'inventory.release' | 'tender.cancel' | 'inventory.record-sale' | 'inventory.return' | 'refund.midtrans';

export interface SagaStep {
  id: number;
  orderId: string;
  action: SagaAction;
  tenderId: string | null;
  returnId: string | null;
  refundId: string | null;
  attempts: number;
}

/** Records steps in the caller's transaction: they exist exactly when the change does. The
 * replica that made the change runs them at once (kickSaga); the others find them on their
 * next pass. No NOTIFY: PostgreSQL serializes the commits of notifying transactions. */
export async function addSteps(tx: Transaction, orderId: string, steps: { action: SagaAction; tenderId?: string; returnId?: string }[]): Promise<void> {
  for (const step of steps) {
    await tx.query('INSERT INTO saga_steps (order_id, action, tender_id, return_id) VALUES ($1, $2, $3, $4)',
      [orderId, step.action, step.tenderId ?? null, step.returnId ?? null]);
  }
}

/** A refund asked of Midtrans, asked again by the saga from `inSeconds` on unless it is settled
 * by then (the request asks first: this step is the backstop should the app stop). One live step
 * per refund: a refund that has one already keeps it. */
export async function addRefundStep(tx: Transaction, orderId: string, refundId: string, inSeconds: number): Promise<void> {
  await tx.query(
    `INSERT INTO saga_steps (order_id, action, refund_id, next_at) VALUES ($1, 'refund.midtrans', $2, now() + make_interval(secs => $3))
     ON CONFLICT DO NOTHING`, [orderId, refundId, inSeconds]);
}

/** Due steps, locked until the transaction ends; steps another runner holds are skipped. */
export async function lockDueSteps(tx: Transaction, limit: number): Promise<SagaStep[]> {
  const { rows } = await tx.query<SagaStep>(
    `SELECT id::float8 AS id, order_id AS "orderId", action, tender_id AS "tenderId", return_id AS "returnId", refund_id AS "refundId", attempts FROM saga_steps
     WHERE status = 'pending' AND next_at <= now() ORDER BY next_at LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
  return rows;
}

export async function markDone(tx: Transaction, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query("UPDATE saga_steps SET status = 'done', done_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])", [ids]);
}

/** Tried again after `retryInMs`; or parked as failed when the callee refused it for good. */
export async function markFailed(tx: Transaction, id: number, error: string, retryInMs: number | null): Promise<void> {
  await tx.query(
    `UPDATE saga_steps SET attempts = attempts + 1, last_error = $2,
       status = CASE WHEN $3::int IS NULL THEN 'failed' ELSE 'pending' END,
       next_at = now() + make_interval(secs => coalesce($3::int, 0) / 1000.0) WHERE id = $1`, [id, error.slice(0, 1000), retryInMs]);
}

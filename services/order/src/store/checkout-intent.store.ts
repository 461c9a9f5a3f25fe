// checkout_intents, and the lock a checkout holds from before its Reserve to its commit.
import { randomUUID } from 'node:crypto';
import type { Pool, Transaction } from '@pos/platform';

const lockKey = (orderId: string) => `checkout:${orderId}`;

/** Waits for, then holds until the transaction ends, the checkout lock of an order id. */
export async function lockCheckout(tx: Transaction, orderId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(orderId)]);
}

/** The checkout lock if no one holds it (a checkout under way does); held until the transaction ends. */
export async function tryLockCheckout(tx: Transaction, orderId: string): Promise<boolean> {
  const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [lockKey(orderId)]);
  return rows[0]?.locked === true;
}

/** Records an attempt at checking out this order id, committed at once; answers its id. */
export async function recordIntent(pool: Pool, orderId: string): Promise<string> {
  const id = randomUUID();
  await pool.query('INSERT INTO checkout_intents (id, order_id) VALUES ($1, $2)', [id, orderId]);
  return id;
}

export async function dropIntent(pool: Pool, id: string): Promise<void> {
  await pool.query('DELETE FROM checkout_intents WHERE id = $1', [id]);
}

/** Every attempt at this order id: done with once its order commits, or its units are released. */
export async function dropIntentsOf(tx: Transaction, orderId: string): Promise<void> {
  await tx.query('DELETE FROM checkout_intents WHERE order_id = $1', [orderId]);
}

/** Order ids with an intent older than this: their checkouts ended or died long ago. */
export async function staleIntents(pool: Pool, olderThanSeconds: number, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ orderId: string }>(
    `SELECT DISTINCT order_id AS "orderId" FROM checkout_intents WHERE created_at < now() - make_interval(secs => $1) LIMIT $2`,
    [olderThanSeconds, limit]);
  return rows.map((row) => row.orderId);
}

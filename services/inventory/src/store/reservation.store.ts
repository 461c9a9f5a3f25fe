// reservations: one row per order id.
import type { Transaction } from '@pos/platform';
import type { ReleaseReason, Reservation } from '../domain/reservation.ts';
import type { Shortage } from '../domain/stock.ts';

const columns = `order_id AS "orderId", status, lines, shortages, release_reason AS "releaseReason", expires_at AS "expiresAt"`;

/** The row is the order's lock: a concurrent Reserve of the same order waits on the key here,
 * then finds it taken. Returns false when the order has a reservation already. */
export async function insertHeld(tx: Transaction, reservation: Pick<Reservation, 'orderId' | 'lines' | 'expiresAt'>): Promise<boolean> {
  // Reserve's statements are named, so each connection parses them once.
  const { rowCount } = await tx.query({ name: 'reservation-insert-held',
    text: `INSERT INTO reservations (order_id, status, lines, expires_at) VALUES ($1, 'held', $2, $3) ON CONFLICT (order_id) DO NOTHING`,
    values: [reservation.orderId, JSON.stringify(reservation.lines), reservation.expiresAt] });
  return rowCount === 1;
}

export async function lockReservation(tx: Transaction, orderId: string): Promise<Reservation | undefined> {
  const { rows } = await tx.query<Reservation>(`SELECT ${columns} FROM reservations WHERE order_id = $1 FOR UPDATE`, [orderId]);
  return rows[0];
}

export async function markRefused(tx: Transaction, orderId: string, shortages: Shortage[]): Promise<void> {
  await tx.query(`UPDATE reservations SET status = 'refused', shortages = $2, settled_at = now() WHERE order_id = $1 AND status = 'held'`,
    [orderId, JSON.stringify(shortages)]);
}

/** Guarded by the current state: a reservation leaves 'held' once, whoever tries. */
export async function markSettled(tx: Transaction, orderId: string, to: 'committed' | 'released', reason: ReleaseReason | null): Promise<Reservation> {
  const { rows } = await tx.query<Reservation>(
    `UPDATE reservations SET status = $2, release_reason = $3, settled_at = now() WHERE order_id = $1 AND status = 'held'
     RETURNING ${columns}`, [orderId, to, reason]);
  if (!rows[0]) throw new Error(`reservation of ${orderId} was not held`); // the caller holds its row lock: a bug if seen
  return rows[0];
}

/** Held reservations past their time, locked; rows another worker has locked are skipped, so
 * each is released by exactly one worker. */
export async function lockDue(tx: Transaction, limit: number): Promise<Reservation[]> {
  const { rows } = await tx.query<Reservation>(
    `SELECT ${columns} FROM reservations WHERE status = 'held' AND expires_at <= now()
     ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
  return rows;
}

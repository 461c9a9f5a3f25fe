// Commit (the sale), release (cancelled) and expiry: a held reservation leaves 'held' once.
import { addToOutbox, NotFoundError, withTransaction, type Pool, type Transaction } from '@pos/platform';
import { settleStep, type ReleaseReason, type Reservation } from '../domain/reservation.ts';
import { commitUnits, releaseUnits, type StockLevel } from '../domain/stock.ts';
import { reservationSettled } from '../events/inventory-events.ts';
import { lockDue, lockReservation, markSettled } from '../store/reservation.store.ts';
import { lockedRow, lockStock } from '../store/stock.store.ts';
import { changeStock } from './change-stock.ts';

export const commit = (pool: Pool, orderId: string, actor: string) => settle(pool, orderId, 'committed', null, actor);
export const release = (pool: Pool, orderId: string, actor: string) => settle(pool, orderId, 'released', 'cancelled', actor);

async function settle(pool: Pool, orderId: string, to: 'committed' | 'released', reason: ReleaseReason | null, actor: string): Promise<Reservation> {
  return withTransaction(pool, async (tx) => {
    // The reservation row first, then the stock rows: the same order as Reserve and the expiry.
    const reservation = await lockReservation(tx, orderId);
    if (!reservation) throw new NotFoundError('INVENTORY.NO_RESERVATION', `order ${orderId} has no reservation`);
    if (settleStep(reservation, to, new Date()) === 'repeat') return reservation;
    const stock = await lockStock(tx, reservation.lines.map((line) => line.productId));
    return applySettle(tx, stock, reservation, to, reason, actor);
  });
}

/** `stock` holds the locked rows and is kept current, so several reservations can share it. */
async function applySettle(
  tx: Transaction, stock: Map<string, StockLevel>, reservation: Reservation, to: 'committed' | 'released', reason: ReleaseReason | null, actor: string,
): Promise<Reservation> {
  const cause = {
    change: to === 'committed' ? 'commit' : 'release', orderId: reservation.orderId, actor,
    reason: to === 'committed' ? 'sold' : `released: ${reason}`,
  } as const;
  // A reservation's lines name each product once (merged at Reserve).
  const changes = reservation.lines.map((line) => {
    const before = lockedRow(stock, line.productId);
    const after = to === 'committed' ? commitUnits(before, line.quantity) : releaseUnits(before, line.quantity);
    stock.set(line.productId, after);
    return { before, after, cause };
  });
  const events = await changeStock(tx, changes);
  const settled = await markSettled(tx, reservation.orderId, to, reason);
  await addToOutbox(tx, [...events, reservationSettled(settled)]);
  return settled;
}

/** One pass of the expiry worker: releases due reservations, a batch per transaction. Safe
 * with any number of workers: each locks its batch and skips the rows others hold. */
export async function releaseExpired(pool: Pool, batch = 50): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const due = await lockDue(tx, batch);
    // All the batch's stock rows in one sorted lock, never one reservation's after another's:
    // that could take "z" before "a" and deadlock with a Reserve locking "a" then "z".
    const stock = await lockStock(tx, due.flatMap((reservation) => reservation.lines.map((line) => line.productId)).sort());
    for (const reservation of due) await applySettle(tx, stock, reservation, 'released', 'expired', 'expiry');
    return due.length;
  });
}

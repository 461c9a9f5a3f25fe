import { addToOutbox, NotFoundError, withTransaction, type Pool } from '@pos/platform';
import { repeatOutcome, type Reservation } from '../domain/reservation.ts';
import { mergeLines, reserveUnits, shortagesOf, ShortageError, type Shortage, type StockLine } from '../domain/stock.ts';
import { insertHeld, lockReservation, markRefused } from '../store/reservation.store.ts';
import { lockedRow, lockStock } from '../store/stock.store.ts';
import { changeStock } from './change-stock.ts';

export interface ReserveCommand {
  orderId: string;
  lines: StockLine[];
  ttlSeconds: number;
  actor: string;
}

/** Holds every line for the order, or none (a shortage is recorded, so a retry answers the same). */
export async function reserve(pool: Pool, command: ReserveCommand): Promise<Reservation> {
  const lines = mergeLines(command.lines);
  const expiresAt = new Date(Date.now() + command.ttlSeconds * 1000);
  type Outcome = { reservation: Reservation } | { shortages: Shortage[] } | { missing: true };
  const outcome = await withTransaction(pool, async (tx): Promise<Outcome> => {
    if (!(await insertHeld(tx, { orderId: command.orderId, lines, expiresAt }))) {
      const existing = await lockReservation(tx, command.orderId);
      return existing ? { reservation: repeatOutcome(existing, lines) } : { missing: true };
    }
    const stock = await lockStock(tx, lines.map((line) => line.productId));
    const unknown = lines.filter((line) => !stock.has(line.productId)).map((line) => line.productId);
    if (unknown.length > 0) throw new NotFoundError('INVENTORY.PRODUCT_UNKNOWN', `unknown products: ${unknown.join(', ')}`, { productIds: unknown });
    const shortages = shortagesOf(stock, lines);
    if (shortages.length > 0) {
      await markRefused(tx, command.orderId, shortages);
      return { shortages };
    }
    const cause = { change: 'reserve', orderId: command.orderId, actor: command.actor, reason: 'held for the order' } as const;
    const changes = lines.map((line) => {
      const before = lockedRow(stock, line.productId);
      return { before, after: reserveUnits(before, line.quantity), cause };
    });
    await addToOutbox(tx, await changeStock(tx, changes));
    return { reservation: { orderId: command.orderId, status: 'held', lines, shortages: null, releaseReason: null, expiresAt } satisfies Reservation };
  });
  if ('shortages' in outcome) throw new ShortageError(outcome.shortages);
  if ('missing' in outcome) throw new Error(`reservation of ${command.orderId} vanished`); // rows are never deleted
  return outcome.reservation;
}

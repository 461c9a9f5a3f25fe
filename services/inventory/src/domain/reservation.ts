// A reservation's life: held -> committed | released (cancelled or expired). A Reserve that
// could not be held is recorded as refused, so its retry answers the same.
import { ConflictError } from '@pos/platform';
import { sameLines, ShortageError, type Shortage, type StockLine } from './stock.ts';

export type ReservationStatus = 'held' | 'committed' | 'released' | 'refused';
export type ReleaseReason = 'expired' | 'cancelled';

export interface Reservation {
  orderId: string;
  status: ReservationStatus;
  lines: StockLine[];
  shortages: Shortage[] | null;
  releaseReason: ReleaseReason | null;
  expiresAt: Date;
}

export const isDue = (reservation: Reservation, now: Date): boolean =>
  reservation.status === 'held' && reservation.expiresAt <= now;

/** A Reserve for an order that has a reservation already: the first outcome, again. */
export function repeatOutcome(existing: Reservation, lines: StockLine[]): Reservation {
  if (!sameLines(existing.lines, lines)) {
    throw new ConflictError('INVENTORY.ORDER_ID_REUSED', `order ${existing.orderId} was reserved with other lines`);
  }
  if (existing.status === 'refused') throw new ShortageError(existing.shortages ?? []);
  return existing;
}

/** What a settle (commit or release) does: 'apply' the transition, or 'repeat' it (the same
 * call retried returns the same reservation). Anything else is refused. */
export function settleStep(reservation: Reservation, to: 'committed' | 'released', now: Date): 'apply' | 'repeat' {
  if (reservation.status === to) return 'repeat';
  if (reservation.status === 'held') {
    // Past its time, the units are no longer the order's to sell, even before the worker runs.
    if (to === 'committed' && isDue(reservation, now)) {
      throw new ConflictError('INVENTORY.RESERVATION_EXPIRED', `the reservation of order ${reservation.orderId} has expired`);
    }
    return 'apply';
  }
  throw new ConflictError(`INVENTORY.RESERVATION_${reservation.status.toUpperCase()}`, `the reservation of order ${reservation.orderId} is ${reservation.status}`);
}

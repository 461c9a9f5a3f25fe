// The events inventory publishes (through the outbox), as the proto's header documents them.
import type { OutboxEvent } from '@pos/platform';
import type { Reservation } from '../domain/reservation.ts';
import { available, type StockLevel } from '../domain/stock.ts';

export const STOCK_TOPIC = 'pos.stock';
export const RESERVATIONS_TOPIC = 'pos.reservations';

export const stockChanged = (stock: StockLevel): OutboxEvent => ({
  topic: STOCK_TOPIC,
  type: 'pos.stock.changed.v1',
  partitionKey: stock.productId,
  data: { productId: stock.productId, onHand: stock.onHand, reserved: stock.reserved, available: available(stock), version: stock.version },
});

export const reservationSettled = (reservation: Reservation): OutboxEvent => ({
  topic: RESERVATIONS_TOPIC,
  type: reservation.status === 'committed' ? 'pos.reservation.committed.v1' : 'pos.reservation.released.v1',
  partitionKey: reservation.orderId,
  data: {
    orderId: reservation.orderId,
    ...(reservation.releaseReason && { reason: reservation.releaseReason }),
    lines: reservation.lines,
  },
});

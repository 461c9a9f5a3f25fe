// Original file: proto/pos/inventory/v1/inventory.proto

import type { ReservationLine as _pos_inventory_v1_ReservationLine, ReservationLine__Output as _pos_inventory_v1_ReservationLine__Output } from '../../../pos/inventory/v1/ReservationLine.ts';

export interface Reservation {
  'orderId'?: (string);
  'status'?: (string);
  'lines'?: (_pos_inventory_v1_ReservationLine)[];
  'expiresAt'?: (string);
  'releaseReason'?: (string);
}

export interface Reservation__Output {
  'orderId': (string);
  'status': (string);
  'lines': (_pos_inventory_v1_ReservationLine__Output)[];
  'expiresAt': (string);
  'releaseReason': (string);
}

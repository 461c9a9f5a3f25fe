// Original file: proto/pos/inventory/v1/inventory.proto

import type { Reservation as _pos_inventory_v1_Reservation, Reservation__Output as _pos_inventory_v1_Reservation__Output } from '../../../pos/inventory/v1/Reservation.ts';

export interface CommitReply {
  'reservation'?: (_pos_inventory_v1_Reservation | null);
}

export interface CommitReply__Output {
  'reservation': (_pos_inventory_v1_Reservation__Output | null);
}

// Original file: proto/pos/inventory/v1/inventory.proto

import type { ReservationLine as _pos_inventory_v1_ReservationLine, ReservationLine__Output as _pos_inventory_v1_ReservationLine__Output } from '../../../pos/inventory/v1/ReservationLine.ts';

export interface RecordSaleReply {
  'orderId'?: (string);
  'lines'?: (_pos_inventory_v1_ReservationLine)[];
  'oversoldProductIds'?: (string)[];
}

export interface RecordSaleReply__Output {
  'orderId': (string);
  'lines': (_pos_inventory_v1_ReservationLine__Output)[];
  'oversoldProductIds': (string)[];
}

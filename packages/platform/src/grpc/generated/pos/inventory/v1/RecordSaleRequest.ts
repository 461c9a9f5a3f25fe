// Original file: proto/pos/inventory/v1/inventory.proto

import type { ReservationLine as _pos_inventory_v1_ReservationLine, ReservationLine__Output as _pos_inventory_v1_ReservationLine__Output } from '../../../pos/inventory/v1/ReservationLine.ts';

export interface RecordSaleRequest {
  'orderId'?: (string);
  'lines'?: (_pos_inventory_v1_ReservationLine)[];
  'receiptNumber'?: (string);
  'soldAt'?: (string);
}

export interface RecordSaleRequest__Output {
  'orderId': (string);
  'lines': (_pos_inventory_v1_ReservationLine__Output)[];
  'receiptNumber': (string);
  'soldAt': (string);
}

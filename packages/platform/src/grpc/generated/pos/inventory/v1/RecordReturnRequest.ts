// Original file: proto/pos/inventory/v1/inventory.proto

import type { ReturnLine as _pos_inventory_v1_ReturnLine, ReturnLine__Output as _pos_inventory_v1_ReturnLine__Output } from '../../../pos/inventory/v1/ReturnLine.ts';

export interface RecordReturnRequest {
  'returnId'?: (string);
  'orderId'?: (string);
  'lines'?: (_pos_inventory_v1_ReturnLine)[];
  'receiptNumber'?: (string);
}

export interface RecordReturnRequest__Output {
  'returnId': (string);
  'orderId': (string);
  'lines': (_pos_inventory_v1_ReturnLine__Output)[];
  'receiptNumber': (string);
}

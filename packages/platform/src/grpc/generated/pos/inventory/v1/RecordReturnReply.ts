// Original file: proto/pos/inventory/v1/inventory.proto

import type { ReturnLine as _pos_inventory_v1_ReturnLine, ReturnLine__Output as _pos_inventory_v1_ReturnLine__Output } from '../../../pos/inventory/v1/ReturnLine.ts';

export interface RecordReturnReply {
  'returnId'?: (string);
  'lines'?: (_pos_inventory_v1_ReturnLine)[];
}

export interface RecordReturnReply__Output {
  'returnId': (string);
  'lines': (_pos_inventory_v1_ReturnLine__Output)[];
}

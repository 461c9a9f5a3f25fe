// Original file: proto/pos/inventory/v1/inventory.proto

import type { StockLevel as _pos_inventory_v1_StockLevel, StockLevel__Output as _pos_inventory_v1_StockLevel__Output } from '../../../pos/inventory/v1/StockLevel.ts';

export interface ListStockReply {
  'items'?: (_pos_inventory_v1_StockLevel)[];
  'nextPageToken'?: (string);
}

export interface ListStockReply__Output {
  'items': (_pos_inventory_v1_StockLevel__Output)[];
  'nextPageToken': (string);
}

// Original file: proto/pos/inventory/v1/inventory.proto

import type { StockLevel as _pos_inventory_v1_StockLevel, StockLevel__Output as _pos_inventory_v1_StockLevel__Output } from '../../../pos/inventory/v1/StockLevel.ts';

export interface GetStockReply {
  'items'?: (_pos_inventory_v1_StockLevel)[];
}

export interface GetStockReply__Output {
  'items': (_pos_inventory_v1_StockLevel__Output)[];
}

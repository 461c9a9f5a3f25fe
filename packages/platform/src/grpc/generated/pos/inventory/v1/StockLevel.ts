// Original file: proto/pos/inventory/v1/inventory.proto

import type { Long } from '@grpc/proto-loader';

export interface StockLevel {
  'productId'?: (string);
  'onHand'?: (number);
  'reserved'?: (number);
  'available'?: (number);
  'version'?: (number | string | Long);
}

export interface StockLevel__Output {
  'productId': (string);
  'onHand': (number);
  'reserved': (number);
  'available': (number);
  'version': (string);
}

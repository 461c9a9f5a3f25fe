// Original file: proto/pos/catalog/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface SellingUnit {
  'name'?: (string);
  'barcode'?: (string);
  'conversion'?: (number | string | Long);
  'price'?: (number | string | Long);
}

export interface SellingUnit__Output {
  'name': (string);
  'barcode': (string);
  'conversion': (string);
  'price': (string);
}

// Original file: proto/pos/catalog/v1/catalog.proto

import type { Product as _pos_catalog_v1_Product, Product__Output as _pos_catalog_v1_Product__Output } from '../../../pos/catalog/v1/Product.ts';
import type { Long } from '@grpc/proto-loader';

export interface LookupBarcodeReply {
  'product'?: (_pos_catalog_v1_Product | null);
  'unit'?: (string);
  'quantity'?: (number | string | Long);
  'price'?: (number | string | Long);
  'scaleLabel'?: (boolean);
}

export interface LookupBarcodeReply__Output {
  'product': (_pos_catalog_v1_Product__Output | null);
  'unit': (string);
  'quantity': (string);
  'price': (string);
  'scaleLabel': (boolean);
}

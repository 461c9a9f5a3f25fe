// Original file: proto/pos/catalog/v1/catalog.proto

import type { Product as _pos_catalog_v1_Product, Product__Output as _pos_catalog_v1_Product__Output } from '../../../pos/catalog/v1/Product.ts';

export interface GetProductsReply {
  'products'?: (_pos_catalog_v1_Product)[];
  'unknownIds'?: (string)[];
}

export interface GetProductsReply__Output {
  'products': (_pos_catalog_v1_Product__Output)[];
  'unknownIds': (string)[];
}

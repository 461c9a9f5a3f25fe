// Original file: proto/pos/catalog/v1/catalog.proto

import type { Product as _pos_catalog_v1_Product, Product__Output as _pos_catalog_v1_Product__Output } from '../../../pos/catalog/v1/Product.ts';

export interface ListProductsReply {
  'products'?: (_pos_catalog_v1_Product)[];
  'nextPageToken'?: (string);
}

export interface ListProductsReply__Output {
  'products': (_pos_catalog_v1_Product__Output)[];
  'nextPageToken': (string);
}

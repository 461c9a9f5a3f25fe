// Original file: proto/pos/catalog/v1/catalog.proto

import type { TaxClass as _pos_catalog_v1_TaxClass, TaxClass__Output as _pos_catalog_v1_TaxClass__Output } from '../../../pos/catalog/v1/TaxClass.ts';
import type { SellingUnit as _pos_catalog_v1_SellingUnit, SellingUnit__Output as _pos_catalog_v1_SellingUnit__Output } from '../../../pos/catalog/v1/SellingUnit.ts';
import type { Long } from '@grpc/proto-loader';

export interface Product {
  'id'?: (string);
  'sku'?: (string);
  'name'?: (string);
  'description'?: (string);
  'categoryId'?: (string);
  'baseUnit'?: (string);
  'taxClass'?: (_pos_catalog_v1_TaxClass);
  'weighed'?: (boolean);
  'plu'?: (string);
  'units'?: (_pos_catalog_v1_SellingUnit)[];
  'active'?: (boolean);
  'version'?: (number | string | Long);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Product__Output {
  'id': (string);
  'sku': (string);
  'name': (string);
  'description': (string);
  'categoryId': (string);
  'baseUnit': (string);
  'taxClass': (_pos_catalog_v1_TaxClass__Output);
  'weighed': (boolean);
  'plu': (string);
  'units': (_pos_catalog_v1_SellingUnit__Output)[];
  'active': (boolean);
  'version': (string);
  'createdAt': (string);
  'updatedAt': (string);
}

import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CatalogClient as _pos_catalog_v1_CatalogClient, CatalogDefinition as _pos_catalog_v1_CatalogDefinition } from './pos/catalog/v1/Catalog.ts';
import type { GetProductsReply as _pos_catalog_v1_GetProductsReply, GetProductsReply__Output as _pos_catalog_v1_GetProductsReply__Output } from './pos/catalog/v1/GetProductsReply.ts';
import type { GetProductsRequest as _pos_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _pos_catalog_v1_GetProductsRequest__Output } from './pos/catalog/v1/GetProductsRequest.ts';
import type { ListProductsReply as _pos_catalog_v1_ListProductsReply, ListProductsReply__Output as _pos_catalog_v1_ListProductsReply__Output } from './pos/catalog/v1/ListProductsReply.ts';
import type { ListProductsRequest as _pos_catalog_v1_ListProductsRequest, ListProductsRequest__Output as _pos_catalog_v1_ListProductsRequest__Output } from './pos/catalog/v1/ListProductsRequest.ts';
import type { LookupBarcodeReply as _pos_catalog_v1_LookupBarcodeReply, LookupBarcodeReply__Output as _pos_catalog_v1_LookupBarcodeReply__Output } from './pos/catalog/v1/LookupBarcodeReply.ts';
import type { LookupBarcodeRequest as _pos_catalog_v1_LookupBarcodeRequest, LookupBarcodeRequest__Output as _pos_catalog_v1_LookupBarcodeRequest__Output } from './pos/catalog/v1/LookupBarcodeRequest.ts';
import type { Product as _pos_catalog_v1_Product, Product__Output as _pos_catalog_v1_Product__Output } from './pos/catalog/v1/Product.ts';
import type { SellingUnit as _pos_catalog_v1_SellingUnit, SellingUnit__Output as _pos_catalog_v1_SellingUnit__Output } from './pos/catalog/v1/SellingUnit.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pos: {
    catalog: {
      v1: {
        Catalog: SubtypeConstructor<typeof grpc.Client, _pos_catalog_v1_CatalogClient> & { service: _pos_catalog_v1_CatalogDefinition }
        GetProductsReply: MessageTypeDefinition<_pos_catalog_v1_GetProductsReply, _pos_catalog_v1_GetProductsReply__Output>
        GetProductsRequest: MessageTypeDefinition<_pos_catalog_v1_GetProductsRequest, _pos_catalog_v1_GetProductsRequest__Output>
        ListProductsReply: MessageTypeDefinition<_pos_catalog_v1_ListProductsReply, _pos_catalog_v1_ListProductsReply__Output>
        ListProductsRequest: MessageTypeDefinition<_pos_catalog_v1_ListProductsRequest, _pos_catalog_v1_ListProductsRequest__Output>
        LookupBarcodeReply: MessageTypeDefinition<_pos_catalog_v1_LookupBarcodeReply, _pos_catalog_v1_LookupBarcodeReply__Output>
        LookupBarcodeRequest: MessageTypeDefinition<_pos_catalog_v1_LookupBarcodeRequest, _pos_catalog_v1_LookupBarcodeRequest__Output>
        Product: MessageTypeDefinition<_pos_catalog_v1_Product, _pos_catalog_v1_Product__Output>
        SellingUnit: MessageTypeDefinition<_pos_catalog_v1_SellingUnit, _pos_catalog_v1_SellingUnit__Output>
        TaxClass: EnumTypeDefinition
      }
    }
  }
}


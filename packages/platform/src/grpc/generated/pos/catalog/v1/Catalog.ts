// Original file: proto/pos/catalog/v1/catalog.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetProductsReply as _pos_catalog_v1_GetProductsReply, GetProductsReply__Output as _pos_catalog_v1_GetProductsReply__Output } from '../../../pos/catalog/v1/GetProductsReply.ts';
import type { GetProductsRequest as _pos_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _pos_catalog_v1_GetProductsRequest__Output } from '../../../pos/catalog/v1/GetProductsRequest.ts';
import type { ListProductsReply as _pos_catalog_v1_ListProductsReply, ListProductsReply__Output as _pos_catalog_v1_ListProductsReply__Output } from '../../../pos/catalog/v1/ListProductsReply.ts';
import type { ListProductsRequest as _pos_catalog_v1_ListProductsRequest, ListProductsRequest__Output as _pos_catalog_v1_ListProductsRequest__Output } from '../../../pos/catalog/v1/ListProductsRequest.ts';
import type { LookupBarcodeReply as _pos_catalog_v1_LookupBarcodeReply, LookupBarcodeReply__Output as _pos_catalog_v1_LookupBarcodeReply__Output } from '../../../pos/catalog/v1/LookupBarcodeReply.ts';
import type { LookupBarcodeRequest as _pos_catalog_v1_LookupBarcodeRequest, LookupBarcodeRequest__Output as _pos_catalog_v1_LookupBarcodeRequest__Output } from '../../../pos/catalog/v1/LookupBarcodeRequest.ts';

export interface CatalogClient extends grpc.Client {
  GetProducts(argument: _pos_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _pos_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _pos_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _pos_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _pos_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _pos_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _pos_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _pos_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_pos_catalog_v1_GetProductsReply__Output>): grpc.ClientUnaryCall;
  
  ListProducts(argument: _pos_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _pos_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _pos_catalog_v1_ListProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _pos_catalog_v1_ListProductsRequest, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _pos_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _pos_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _pos_catalog_v1_ListProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _pos_catalog_v1_ListProductsRequest, callback: grpc.requestCallback<_pos_catalog_v1_ListProductsReply__Output>): grpc.ClientUnaryCall;
  
  LookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  LookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  LookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  LookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  lookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  lookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  lookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  lookupBarcode(argument: _pos_catalog_v1_LookupBarcodeRequest, callback: grpc.requestCallback<_pos_catalog_v1_LookupBarcodeReply__Output>): grpc.ClientUnaryCall;
  
}

export interface CatalogHandlers extends grpc.UntypedServiceImplementation {
  GetProducts: grpc.handleUnaryCall<_pos_catalog_v1_GetProductsRequest__Output, _pos_catalog_v1_GetProductsReply>;
  
  ListProducts: grpc.handleUnaryCall<_pos_catalog_v1_ListProductsRequest__Output, _pos_catalog_v1_ListProductsReply>;
  
  LookupBarcode: grpc.handleUnaryCall<_pos_catalog_v1_LookupBarcodeRequest__Output, _pos_catalog_v1_LookupBarcodeReply>;
  
}

export interface CatalogDefinition extends grpc.ServiceDefinition {
  GetProducts: MethodDefinition<_pos_catalog_v1_GetProductsRequest, _pos_catalog_v1_GetProductsReply, _pos_catalog_v1_GetProductsRequest__Output, _pos_catalog_v1_GetProductsReply__Output>
  ListProducts: MethodDefinition<_pos_catalog_v1_ListProductsRequest, _pos_catalog_v1_ListProductsReply, _pos_catalog_v1_ListProductsRequest__Output, _pos_catalog_v1_ListProductsReply__Output>
  LookupBarcode: MethodDefinition<_pos_catalog_v1_LookupBarcodeRequest, _pos_catalog_v1_LookupBarcodeReply, _pos_catalog_v1_LookupBarcodeRequest__Output, _pos_catalog_v1_LookupBarcodeReply__Output>
}

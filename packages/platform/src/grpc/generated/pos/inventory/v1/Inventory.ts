// Original file: proto/pos/inventory/v1/inventory.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CommitReply as _pos_inventory_v1_CommitReply, CommitReply__Output as _pos_inventory_v1_CommitReply__Output } from '../../../pos/inventory/v1/CommitReply.ts';
import type { CommitRequest as _pos_inventory_v1_CommitRequest, CommitRequest__Output as _pos_inventory_v1_CommitRequest__Output } from '../../../pos/inventory/v1/CommitRequest.ts';
import type { GetStockReply as _pos_inventory_v1_GetStockReply, GetStockReply__Output as _pos_inventory_v1_GetStockReply__Output } from '../../../pos/inventory/v1/GetStockReply.ts';
import type { GetStockRequest as _pos_inventory_v1_GetStockRequest, GetStockRequest__Output as _pos_inventory_v1_GetStockRequest__Output } from '../../../pos/inventory/v1/GetStockRequest.ts';
import type { ListStockReply as _pos_inventory_v1_ListStockReply, ListStockReply__Output as _pos_inventory_v1_ListStockReply__Output } from '../../../pos/inventory/v1/ListStockReply.ts';
import type { ListStockRequest as _pos_inventory_v1_ListStockRequest, ListStockRequest__Output as _pos_inventory_v1_ListStockRequest__Output } from '../../../pos/inventory/v1/ListStockRequest.ts';
import type { RecordReturnReply as _pos_inventory_v1_RecordReturnReply, RecordReturnReply__Output as _pos_inventory_v1_RecordReturnReply__Output } from '../../../pos/inventory/v1/RecordReturnReply.ts';
import type { RecordReturnRequest as _pos_inventory_v1_RecordReturnRequest, RecordReturnRequest__Output as _pos_inventory_v1_RecordReturnRequest__Output } from '../../../pos/inventory/v1/RecordReturnRequest.ts';
import type { RecordSaleReply as _pos_inventory_v1_RecordSaleReply, RecordSaleReply__Output as _pos_inventory_v1_RecordSaleReply__Output } from '../../../pos/inventory/v1/RecordSaleReply.ts';
import type { RecordSaleRequest as _pos_inventory_v1_RecordSaleRequest, RecordSaleRequest__Output as _pos_inventory_v1_RecordSaleRequest__Output } from '../../../pos/inventory/v1/RecordSaleRequest.ts';
import type { ReleaseReply as _pos_inventory_v1_ReleaseReply, ReleaseReply__Output as _pos_inventory_v1_ReleaseReply__Output } from '../../../pos/inventory/v1/ReleaseReply.ts';
import type { ReleaseRequest as _pos_inventory_v1_ReleaseRequest, ReleaseRequest__Output as _pos_inventory_v1_ReleaseRequest__Output } from '../../../pos/inventory/v1/ReleaseRequest.ts';
import type { ReserveReply as _pos_inventory_v1_ReserveReply, ReserveReply__Output as _pos_inventory_v1_ReserveReply__Output } from '../../../pos/inventory/v1/ReserveReply.ts';
import type { ReserveRequest as _pos_inventory_v1_ReserveRequest, ReserveRequest__Output as _pos_inventory_v1_ReserveRequest__Output } from '../../../pos/inventory/v1/ReserveRequest.ts';

export interface InventoryClient extends grpc.Client {
  Commit(argument: _pos_inventory_v1_CommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  Commit(argument: _pos_inventory_v1_CommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  Commit(argument: _pos_inventory_v1_CommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  Commit(argument: _pos_inventory_v1_CommitRequest, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  commit(argument: _pos_inventory_v1_CommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  commit(argument: _pos_inventory_v1_CommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  commit(argument: _pos_inventory_v1_CommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  commit(argument: _pos_inventory_v1_CommitRequest, callback: grpc.requestCallback<_pos_inventory_v1_CommitReply__Output>): grpc.ClientUnaryCall;
  
  GetStock(argument: _pos_inventory_v1_GetStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _pos_inventory_v1_GetStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _pos_inventory_v1_GetStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _pos_inventory_v1_GetStockRequest, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  getStock(argument: _pos_inventory_v1_GetStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  getStock(argument: _pos_inventory_v1_GetStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  getStock(argument: _pos_inventory_v1_GetStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  getStock(argument: _pos_inventory_v1_GetStockRequest, callback: grpc.requestCallback<_pos_inventory_v1_GetStockReply__Output>): grpc.ClientUnaryCall;
  
  ListStock(argument: _pos_inventory_v1_ListStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  ListStock(argument: _pos_inventory_v1_ListStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  ListStock(argument: _pos_inventory_v1_ListStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  ListStock(argument: _pos_inventory_v1_ListStockRequest, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  listStock(argument: _pos_inventory_v1_ListStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  listStock(argument: _pos_inventory_v1_ListStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  listStock(argument: _pos_inventory_v1_ListStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  listStock(argument: _pos_inventory_v1_ListStockRequest, callback: grpc.requestCallback<_pos_inventory_v1_ListStockReply__Output>): grpc.ClientUnaryCall;
  
  RecordReturn(argument: _pos_inventory_v1_RecordReturnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _pos_inventory_v1_RecordReturnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _pos_inventory_v1_RecordReturnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _pos_inventory_v1_RecordReturnRequest, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _pos_inventory_v1_RecordReturnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _pos_inventory_v1_RecordReturnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _pos_inventory_v1_RecordReturnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _pos_inventory_v1_RecordReturnRequest, callback: grpc.requestCallback<_pos_inventory_v1_RecordReturnReply__Output>): grpc.ClientUnaryCall;
  
  RecordSale(argument: _pos_inventory_v1_RecordSaleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  RecordSale(argument: _pos_inventory_v1_RecordSaleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  RecordSale(argument: _pos_inventory_v1_RecordSaleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  RecordSale(argument: _pos_inventory_v1_RecordSaleRequest, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _pos_inventory_v1_RecordSaleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _pos_inventory_v1_RecordSaleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _pos_inventory_v1_RecordSaleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _pos_inventory_v1_RecordSaleRequest, callback: grpc.requestCallback<_pos_inventory_v1_RecordSaleReply__Output>): grpc.ClientUnaryCall;
  
  Release(argument: _pos_inventory_v1_ReleaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  Release(argument: _pos_inventory_v1_ReleaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  Release(argument: _pos_inventory_v1_ReleaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  Release(argument: _pos_inventory_v1_ReleaseRequest, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  release(argument: _pos_inventory_v1_ReleaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  release(argument: _pos_inventory_v1_ReleaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  release(argument: _pos_inventory_v1_ReleaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  release(argument: _pos_inventory_v1_ReleaseRequest, callback: grpc.requestCallback<_pos_inventory_v1_ReleaseReply__Output>): grpc.ClientUnaryCall;
  
  Reserve(argument: _pos_inventory_v1_ReserveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _pos_inventory_v1_ReserveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _pos_inventory_v1_ReserveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _pos_inventory_v1_ReserveRequest, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  reserve(argument: _pos_inventory_v1_ReserveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  reserve(argument: _pos_inventory_v1_ReserveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  reserve(argument: _pos_inventory_v1_ReserveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  reserve(argument: _pos_inventory_v1_ReserveRequest, callback: grpc.requestCallback<_pos_inventory_v1_ReserveReply__Output>): grpc.ClientUnaryCall;
  
}

export interface InventoryHandlers extends grpc.UntypedServiceImplementation {
  Commit: grpc.handleUnaryCall<_pos_inventory_v1_CommitRequest__Output, _pos_inventory_v1_CommitReply>;
  
  GetStock: grpc.handleUnaryCall<_pos_inventory_v1_GetStockRequest__Output, _pos_inventory_v1_GetStockReply>;
  
  ListStock: grpc.handleUnaryCall<_pos_inventory_v1_ListStockRequest__Output, _pos_inventory_v1_ListStockReply>;
  
  RecordReturn: grpc.handleUnaryCall<_pos_inventory_v1_RecordReturnRequest__Output, _pos_inventory_v1_RecordReturnReply>;
  
  RecordSale: grpc.handleUnaryCall<_pos_inventory_v1_RecordSaleRequest__Output, _pos_inventory_v1_RecordSaleReply>;
  
  Release: grpc.handleUnaryCall<_pos_inventory_v1_ReleaseRequest__Output, _pos_inventory_v1_ReleaseReply>;
  
  Reserve: grpc.handleUnaryCall<_pos_inventory_v1_ReserveRequest__Output, _pos_inventory_v1_ReserveReply>;
  
}

export interface InventoryDefinition extends grpc.ServiceDefinition {
  Commit: MethodDefinition<_pos_inventory_v1_CommitRequest, _pos_inventory_v1_CommitReply, _pos_inventory_v1_CommitRequest__Output, _pos_inventory_v1_CommitReply__Output>
  GetStock: MethodDefinition<_pos_inventory_v1_GetStockRequest, _pos_inventory_v1_GetStockReply, _pos_inventory_v1_GetStockRequest__Output, _pos_inventory_v1_GetStockReply__Output>
  ListStock: MethodDefinition<_pos_inventory_v1_ListStockRequest, _pos_inventory_v1_ListStockReply, _pos_inventory_v1_ListStockRequest__Output, _pos_inventory_v1_ListStockReply__Output>
  RecordReturn: MethodDefinition<_pos_inventory_v1_RecordReturnRequest, _pos_inventory_v1_RecordReturnReply, _pos_inventory_v1_RecordReturnRequest__Output, _pos_inventory_v1_RecordReturnReply__Output>
  RecordSale: MethodDefinition<_pos_inventory_v1_RecordSaleRequest, _pos_inventory_v1_RecordSaleReply, _pos_inventory_v1_RecordSaleRequest__Output, _pos_inventory_v1_RecordSaleReply__Output>
  Release: MethodDefinition<_pos_inventory_v1_ReleaseRequest, _pos_inventory_v1_ReleaseReply, _pos_inventory_v1_ReleaseRequest__Output, _pos_inventory_v1_ReleaseReply__Output>
  Reserve: MethodDefinition<_pos_inventory_v1_ReserveRequest, _pos_inventory_v1_ReserveReply, _pos_inventory_v1_ReserveRequest__Output, _pos_inventory_v1_ReserveReply__Output>
}

import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CommitReply as _pos_inventory_v1_CommitReply, CommitReply__Output as _pos_inventory_v1_CommitReply__Output } from './pos/inventory/v1/CommitReply.ts';
import type { CommitRequest as _pos_inventory_v1_CommitRequest, CommitRequest__Output as _pos_inventory_v1_CommitRequest__Output } from './pos/inventory/v1/CommitRequest.ts';
import type { GetStockReply as _pos_inventory_v1_GetStockReply, GetStockReply__Output as _pos_inventory_v1_GetStockReply__Output } from './pos/inventory/v1/GetStockReply.ts';
import type { GetStockRequest as _pos_inventory_v1_GetStockRequest, GetStockRequest__Output as _pos_inventory_v1_GetStockRequest__Output } from './pos/inventory/v1/GetStockRequest.ts';
import type { InventoryClient as _pos_inventory_v1_InventoryClient, InventoryDefinition as _pos_inventory_v1_InventoryDefinition } from './pos/inventory/v1/Inventory.ts';
import type { ListStockReply as _pos_inventory_v1_ListStockReply, ListStockReply__Output as _pos_inventory_v1_ListStockReply__Output } from './pos/inventory/v1/ListStockReply.ts';
import type { ListStockRequest as _pos_inventory_v1_ListStockRequest, ListStockRequest__Output as _pos_inventory_v1_ListStockRequest__Output } from './pos/inventory/v1/ListStockRequest.ts';
import type { RecordReturnReply as _pos_inventory_v1_RecordReturnReply, RecordReturnReply__Output as _pos_inventory_v1_RecordReturnReply__Output } from './pos/inventory/v1/RecordReturnReply.ts';
import type { RecordReturnRequest as _pos_inventory_v1_RecordReturnRequest, RecordReturnRequest__Output as _pos_inventory_v1_RecordReturnRequest__Output } from './pos/inventory/v1/RecordReturnRequest.ts';
import type { RecordSaleReply as _pos_inventory_v1_RecordSaleReply, RecordSaleReply__Output as _pos_inventory_v1_RecordSaleReply__Output } from './pos/inventory/v1/RecordSaleReply.ts';
import type { RecordSaleRequest as _pos_inventory_v1_RecordSaleRequest, RecordSaleRequest__Output as _pos_inventory_v1_RecordSaleRequest__Output } from './pos/inventory/v1/RecordSaleRequest.ts';
import type { ReleaseReply as _pos_inventory_v1_ReleaseReply, ReleaseReply__Output as _pos_inventory_v1_ReleaseReply__Output } from './pos/inventory/v1/ReleaseReply.ts';
import type { ReleaseRequest as _pos_inventory_v1_ReleaseRequest, ReleaseRequest__Output as _pos_inventory_v1_ReleaseRequest__Output } from './pos/inventory/v1/ReleaseRequest.ts';
import type { Reservation as _pos_inventory_v1_Reservation, Reservation__Output as _pos_inventory_v1_Reservation__Output } from './pos/inventory/v1/Reservation.ts';
import type { ReservationLine as _pos_inventory_v1_ReservationLine, ReservationLine__Output as _pos_inventory_v1_ReservationLine__Output } from './pos/inventory/v1/ReservationLine.ts';
import type { ReserveReply as _pos_inventory_v1_ReserveReply, ReserveReply__Output as _pos_inventory_v1_ReserveReply__Output } from './pos/inventory/v1/ReserveReply.ts';
import type { ReserveRequest as _pos_inventory_v1_ReserveRequest, ReserveRequest__Output as _pos_inventory_v1_ReserveRequest__Output } from './pos/inventory/v1/ReserveRequest.ts';
import type { ReturnLine as _pos_inventory_v1_ReturnLine, ReturnLine__Output as _pos_inventory_v1_ReturnLine__Output } from './pos/inventory/v1/ReturnLine.ts';
import type { Shortage as _pos_inventory_v1_Shortage, Shortage__Output as _pos_inventory_v1_Shortage__Output } from './pos/inventory/v1/Shortage.ts';
import type { StockLevel as _pos_inventory_v1_StockLevel, StockLevel__Output as _pos_inventory_v1_StockLevel__Output } from './pos/inventory/v1/StockLevel.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pos: {
    inventory: {
      v1: {
        CommitReply: MessageTypeDefinition<_pos_inventory_v1_CommitReply, _pos_inventory_v1_CommitReply__Output>
        CommitRequest: MessageTypeDefinition<_pos_inventory_v1_CommitRequest, _pos_inventory_v1_CommitRequest__Output>
        GetStockReply: MessageTypeDefinition<_pos_inventory_v1_GetStockReply, _pos_inventory_v1_GetStockReply__Output>
        GetStockRequest: MessageTypeDefinition<_pos_inventory_v1_GetStockRequest, _pos_inventory_v1_GetStockRequest__Output>
        Inventory: SubtypeConstructor<typeof grpc.Client, _pos_inventory_v1_InventoryClient> & { service: _pos_inventory_v1_InventoryDefinition }
        ListStockReply: MessageTypeDefinition<_pos_inventory_v1_ListStockReply, _pos_inventory_v1_ListStockReply__Output>
        ListStockRequest: MessageTypeDefinition<_pos_inventory_v1_ListStockRequest, _pos_inventory_v1_ListStockRequest__Output>
        RecordReturnReply: MessageTypeDefinition<_pos_inventory_v1_RecordReturnReply, _pos_inventory_v1_RecordReturnReply__Output>
        RecordReturnRequest: MessageTypeDefinition<_pos_inventory_v1_RecordReturnRequest, _pos_inventory_v1_RecordReturnRequest__Output>
        RecordSaleReply: MessageTypeDefinition<_pos_inventory_v1_RecordSaleReply, _pos_inventory_v1_RecordSaleReply__Output>
        RecordSaleRequest: MessageTypeDefinition<_pos_inventory_v1_RecordSaleRequest, _pos_inventory_v1_RecordSaleRequest__Output>
        ReleaseReply: MessageTypeDefinition<_pos_inventory_v1_ReleaseReply, _pos_inventory_v1_ReleaseReply__Output>
        ReleaseRequest: MessageTypeDefinition<_pos_inventory_v1_ReleaseRequest, _pos_inventory_v1_ReleaseRequest__Output>
        Reservation: MessageTypeDefinition<_pos_inventory_v1_Reservation, _pos_inventory_v1_Reservation__Output>
        ReservationLine: MessageTypeDefinition<_pos_inventory_v1_ReservationLine, _pos_inventory_v1_ReservationLine__Output>
        ReserveReply: MessageTypeDefinition<_pos_inventory_v1_ReserveReply, _pos_inventory_v1_ReserveReply__Output>
        ReserveRequest: MessageTypeDefinition<_pos_inventory_v1_ReserveRequest, _pos_inventory_v1_ReserveRequest__Output>
        ReturnLine: MessageTypeDefinition<_pos_inventory_v1_ReturnLine, _pos_inventory_v1_ReturnLine__Output>
        Shortage: MessageTypeDefinition<_pos_inventory_v1_Shortage, _pos_inventory_v1_Shortage__Output>
        StockLevel: MessageTypeDefinition<_pos_inventory_v1_StockLevel, _pos_inventory_v1_StockLevel__Output>
      }
    }
  }
}


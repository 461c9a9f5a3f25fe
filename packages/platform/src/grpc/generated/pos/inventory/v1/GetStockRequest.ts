// Original file: proto/pos/inventory/v1/inventory.proto


export interface GetStockRequest {
  'productIds'?: (string)[];
}

export interface GetStockRequest__Output {
  'productIds': (string)[];
}

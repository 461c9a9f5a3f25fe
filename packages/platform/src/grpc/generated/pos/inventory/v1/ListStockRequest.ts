// Original file: proto/pos/inventory/v1/inventory.proto


export interface ListStockRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListStockRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}

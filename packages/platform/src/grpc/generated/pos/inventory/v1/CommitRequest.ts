// Original file: proto/pos/inventory/v1/inventory.proto


export interface CommitRequest {
  'orderId'?: (string);
}

export interface CommitRequest__Output {
  'orderId': (string);
}

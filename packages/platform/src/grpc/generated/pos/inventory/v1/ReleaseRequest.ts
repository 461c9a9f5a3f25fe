// Original file: proto/pos/inventory/v1/inventory.proto


export interface ReleaseRequest {
  'orderId'?: (string);
}

export interface ReleaseRequest__Output {
  'orderId': (string);
}

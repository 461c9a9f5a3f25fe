// Original file: proto/pos/inventory/v1/inventory.proto


export interface Shortage {
  'productId'?: (string);
  'requested'?: (number);
  'available'?: (number);
  'short'?: (number);
}

export interface Shortage__Output {
  'productId': (string);
  'requested': (number);
  'available': (number);
  'short': (number);
}

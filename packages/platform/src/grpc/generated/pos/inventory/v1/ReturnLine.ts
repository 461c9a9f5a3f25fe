// Original file: proto/pos/inventory/v1/inventory.proto


export interface ReturnLine {
  'productId'?: (string);
  'quantity'?: (number);
  'damaged'?: (boolean);
}

export interface ReturnLine__Output {
  'productId': (string);
  'quantity': (number);
  'damaged': (boolean);
}

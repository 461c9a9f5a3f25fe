// Original file: proto/pos/inventory/v1/inventory.proto


export interface ReservationLine {
  'productId'?: (string);
  'quantity'?: (number);
}

export interface ReservationLine__Output {
  'productId': (string);
  'quantity': (number);
}

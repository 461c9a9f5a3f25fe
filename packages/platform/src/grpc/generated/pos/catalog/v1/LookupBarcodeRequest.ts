// Original file: proto/pos/catalog/v1/catalog.proto


export interface LookupBarcodeRequest {
  'code'?: (string);
}

export interface LookupBarcodeRequest__Output {
  'code': (string);
}

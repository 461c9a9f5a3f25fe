// Original file: proto/pos/catalog/v1/catalog.proto


export interface ListProductsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListProductsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}

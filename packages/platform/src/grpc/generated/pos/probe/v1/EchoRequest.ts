// Original file: proto/pos/probe/v1/probe.proto


export interface EchoRequest {
  'message'?: (string);
  'failWith'?: (string);
}

export interface EchoRequest__Output {
  'message': (string);
  'failWith': (string);
}

// Original file: proto/pos/probe/v1/probe.proto


export interface EchoReply {
  'message'?: (string);
  'appId'?: (string);
  'traceId'?: (string);
}

export interface EchoReply__Output {
  'message': (string);
  'appId': (string);
  'traceId': (string);
}

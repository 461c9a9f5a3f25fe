// Original file: proto/pos/probe/v1/probe.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { EchoReply as _pos_probe_v1_EchoReply, EchoReply__Output as _pos_probe_v1_EchoReply__Output } from '../../../pos/probe/v1/EchoReply.ts';
import type { EchoRequest as _pos_probe_v1_EchoRequest, EchoRequest__Output as _pos_probe_v1_EchoRequest__Output } from '../../../pos/probe/v1/EchoRequest.ts';

export interface ProbeClient extends grpc.Client {
  Echo(argument: _pos_probe_v1_EchoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  Echo(argument: _pos_probe_v1_EchoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  Echo(argument: _pos_probe_v1_EchoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  Echo(argument: _pos_probe_v1_EchoRequest, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  echo(argument: _pos_probe_v1_EchoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  echo(argument: _pos_probe_v1_EchoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  echo(argument: _pos_probe_v1_EchoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  echo(argument: _pos_probe_v1_EchoRequest, callback: grpc.requestCallback<_pos_probe_v1_EchoReply__Output>): grpc.ClientUnaryCall;
  
}

export interface ProbeHandlers extends grpc.UntypedServiceImplementation {
  Echo: grpc.handleUnaryCall<_pos_probe_v1_EchoRequest__Output, _pos_probe_v1_EchoReply>;
  
}

export interface ProbeDefinition extends grpc.ServiceDefinition {
  Echo: MethodDefinition<_pos_probe_v1_EchoRequest, _pos_probe_v1_EchoReply, _pos_probe_v1_EchoRequest__Output, _pos_probe_v1_EchoReply__Output>
}

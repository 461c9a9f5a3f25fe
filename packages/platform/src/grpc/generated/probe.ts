import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { EchoReply as _pos_probe_v1_EchoReply, EchoReply__Output as _pos_probe_v1_EchoReply__Output } from './pos/probe/v1/EchoReply.ts';
import type { EchoRequest as _pos_probe_v1_EchoRequest, EchoRequest__Output as _pos_probe_v1_EchoRequest__Output } from './pos/probe/v1/EchoRequest.ts';
import type { ProbeClient as _pos_probe_v1_ProbeClient, ProbeDefinition as _pos_probe_v1_ProbeDefinition } from './pos/probe/v1/Probe.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pos: {
    probe: {
      v1: {
        EchoReply: MessageTypeDefinition<_pos_probe_v1_EchoReply, _pos_probe_v1_EchoReply__Output>
        EchoRequest: MessageTypeDefinition<_pos_probe_v1_EchoRequest, _pos_probe_v1_EchoRequest__Output>
        Probe: SubtypeConstructor<typeof grpc.Client, _pos_probe_v1_ProbeClient> & { service: _pos_probe_v1_ProbeDefinition }
      }
    }
  }
}


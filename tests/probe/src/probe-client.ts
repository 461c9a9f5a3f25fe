import { trace } from '@opentelemetry/api';
import { loadService, sidecarClient } from '@pos/platform';

export const ProbeService = loadService('pos/probe/v1/probe.proto', 'pos.probe.v1.Probe');

export interface EchoReply {
  message: string;
  appId: string;
  traceId: string;
}

export type ProbeClient = ReturnType<typeof probeClient>;

/** The peer probe, reached through this app's own sidecar. */
export function probeClient(peerAppId: string) {
  const client = sidecarClient(ProbeService, peerAppId, { deadlineMs: 3000 });
  return {
    echo: async (message: string, failWith = '') => {
      const reply = await client.call<EchoReply>('echo', { message, failWith });
      return { ...reply, callerTraceId: trace.getActiveSpan()?.spanContext().traceId };
    },
    close: () => client.close(),
  };
}

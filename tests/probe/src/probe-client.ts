import { trace } from '@opentelemetry/api';
import { NotFoundError, RemoteCallError, loadService, sidecarClient } from '@pos/platform';
import type { ProbeDefinition } from '@pos/platform/proto/pos/probe/v1/Probe.ts';

export const ProbeService = loadService<ProbeDefinition>('pos/probe/v1/probe.proto', 'pos.probe.v1.Probe');

export type ProbeClient = ReturnType<typeof probeClient>;

/** The peer probe, reached through this app's own sidecar. */
export function probeClient(peerAppId: string) {
  const client = sidecarClient(ProbeService, peerAppId, { deadlineMs: 3000 });
  return {
    echo: async (message: string, failWith = '') => {
      const reply = await client.call('Echo', { message, failWith }).catch(translatePeerError);
      return { ...reply, callerTraceId: trace.getActiveSpan()?.spanContext().traceId };
    },
    close: () => client.close(),
  };
}

/** The one peer error that means something here; any other stays a failed dependency. */
function translatePeerError(error: unknown): never {
  if (error instanceof RemoteCallError && error.remoteCode === 'PROBE.NOT_FOUND') {
    throw new NotFoundError('PROBE.PEER_HAS_NOTHING', 'the peer has nothing by that name');
  }
  throw error;
}

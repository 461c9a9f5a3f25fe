// How much Dapr's gRPC proxying (with mTLS between the sidecars) adds to a call: the same Echo, sent straight to probe-b's
// gRPC port and sent through probe-a's sidecar (which hands it to probe-b's sidecar).
// Prints figures; asserts nothing. Run with `npm run bench`.
import * as grpc from '@grpc/grpc-js';
import { loadService, sidecarClient } from '@pos/platform';
import type { ProbeClient, ProbeDefinition } from '@pos/platform/proto/pos/probe/v1/Probe.ts';
import { probe } from '../tests/support/stack.ts';
import { appApiToken, daprApiToken } from '../tests/support/sidecar-tokens.ts';

const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const Probe = loadService<ProbeDefinition>('pos/probe/v1/probe.proto', 'pos.probe.v1.Probe');

async function measure(label: string, call: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) await call(); // warm-up: connections, JIT
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(2);
  console.log(`${label.padEnd(36)} calls=${CALLS} p50=${at(0.5)}ms p95=${at(0.95)}ms p99=${at(0.99)}ms`);
}

const direct = new Probe.Client(`127.0.0.1:${probe('probe-b').appPort}`, grpc.credentials.createInsecure()) as unknown as ProbeClient;
// Straight to the app, the bench stands in for its sidecar: it sends the app's token.
const asSidecar = new grpc.Metadata();
asSidecar.set('dapr-api-token', appApiToken('probe-b'));
const proxied = sidecarClient(Probe, 'probe-b', { grpcPort: probe('probe-a').sidecarGrpc, apiToken: daprApiToken('probe-a') });

await measure('direct to the app', () => new Promise<void>((resolve, reject) =>
  direct.echo({ message: 'bench' }, asSidecar, (error) => (error ? reject(error) : resolve()))));
await measure('through both sidecars (dapr-app-id)', () => proxied.call('Echo', { message: 'bench' }));
direct.close();
proxied.close();

// Dapr-only entry points (subscription routes, the AppCallback service, an app's gRPC
// services) answer only callers that hold the app's token, APP_API_TOKEN, which only its
// sidecar has. The public HTTP API does not ask for it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadService } from '../src/index.ts';
import { request } from '../src/testing/index.ts';
import { probe } from '../../../tests/support/stack.ts';
import { appApiToken } from '../../../tests/support/sidecar-tokens.ts';

const probeA = probe('probe-a').url;
const probeBApp = `127.0.0.1:${probe('probe-b').appPort}`;
const Probe = loadService('pos/probe/v1/probe.proto', 'pos.probe.v1.Probe');
const daprProtoRoot = join(dirname(createRequire(import.meta.url).resolve('@dapr/dapr/package.json')), 'proto');
const AppCallback = loadService('dapr/proto/runtime/v1/appcallback.proto', 'dapr.proto.runtime.v1.AppCallback', daprProtoRoot);

type Unary = (request: unknown, metadata: grpc.Metadata, callback: (error: grpc.ServiceError | null) => void) => void;

/** The gRPC status of one call straight to probe-b's app port, past its sidecar. */
function statusOfDirectCall(service: { Client: grpc.ServiceClientConstructor }, method: string, body: unknown, token?: string): Promise<string> {
  const client = new service.Client(probeBApp, grpc.credentials.createInsecure()) as unknown as Record<string, Unary> & grpc.Client;
  const metadata = new grpc.Metadata();
  if (token) metadata.set('dapr-api-token', token);
  return new Promise((resolve) => {
    (client[method] as Unary).call(client, body, metadata, (error) => {
      client.close();
      resolve(grpc.status[error ? error.code : grpc.status.OK] as string);
    });
  });
}

async function handledIds(topic: string): Promise<string[]> {
  return (await request<{ id: string }[]>('GET', `${probeA}/received?topic=${topic}`)).body.map((handling) => handling.id);
}

describe('the app API token on Dapr-only entry points', () => {
  it('a forged CloudEvent posted straight to an app\'s subscription route gets 401 and changes nothing', async () => {
    const id = randomUUID();
    const forged = { specversion: '1.0', id, source: 'forger', type: 'pos.probe.note.v1', topic: 'probe.events', data: { note: 'forged' } };
    const reply = await request('POST', `${probeA}/events/probe`, { body: forged });
    assert.equal(reply.status, 401);
    // The route refused before handling: nothing can still be on its way.
    assert.ok(!(await handledIds('probe.events')).includes(id));
  });

  it('a wrong token on a subscription route gets 401 too', async () => {
    const reply = await request('POST', `${probeA}/events/probe`, { body: { id: randomUUID() }, headers: { 'dapr-api-token': 'guessed' } });
    assert.equal(reply.status, 401);
  });

  it('a forged event sent straight to a gRPC app\'s AppCallback service is refused with UNAUTHENTICATED and changes nothing', async () => {
    const id = randomUUID();
    const event = { id, source: 'forger', type: 'pos.probe.note.v1', specVersion: '1.0', dataContentType: 'application/json',
      data: Buffer.from(JSON.stringify({ note: 'forged' })), topic: 'probe.grpc-events', pubsubName: 'pubsub', path: '/events/probe-grpc' };
    assert.equal(await statusOfDirectCall(AppCallback, 'onTopicEvent', event), 'UNAUTHENTICATED');
    assert.ok(!(await handledIds('probe.grpc-events')).includes(id));
  });

  it('a call straight to a gRPC app\'s service is refused with UNAUTHENTICATED without the token, and served with it', async () => {
    assert.equal(await statusOfDirectCall(Probe, 'echo', { message: 'x' }), 'UNAUTHENTICATED');
    assert.equal(await statusOfDirectCall(Probe, 'echo', { message: 'x' }, 'guessed'), 'UNAUTHENTICATED');
    assert.equal(await statusOfDirectCall(Probe, 'echo', { message: 'x' }, appApiToken('probe-b')), 'OK');
  });

  it('the public HTTP API does not ask for the token', async () => {
    assert.equal((await request('GET', `${probeA}/received?topic=probe.events`)).status, 200);
  });
});

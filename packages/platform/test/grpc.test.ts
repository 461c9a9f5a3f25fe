import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { AppError, RemoteCallError, loadService, sidecarClient } from '../src/index.ts';
import { request } from '../src/testing/index.ts';
import type { ProbeClient, ProbeDefinition } from '../src/grpc/generated/pos/probe/v1/Probe.ts';
import type { EchoRequest } from '../src/grpc/generated/pos/probe/v1/EchoRequest.ts';
import { probe } from '../../../tests/support/stack.ts';
import { daprApiToken } from '../../../tests/support/sidecar-tokens.ts';

const Probe = loadService<ProbeDefinition>('pos/probe/v1/probe.proto', 'pos.probe.v1.Probe');

/** What travels on the wire: the raw status and trailers of a call to probe-b through probe-a's sidecar. */
async function rawEchoFailure(message: EchoRequest): Promise<grpc.ServiceError> {
  const client = new Probe.Client(`127.0.0.1:${probe('probe-a').sidecarGrpc}`, grpc.credentials.createInsecure()) as unknown as ProbeClient;
  const metadata = new grpc.Metadata();
  metadata.set('dapr-app-id', 'probe-b');
  metadata.set('dapr-api-token', daprApiToken('probe-a'));
  try {
    return await new Promise((resolve, reject) => client.Echo(message, metadata, { deadline: Date.now() + 3000 }, (error) =>
      (error ? resolve(error) : reject(new Error('the call succeeded')))));
  } finally {
    client.close();
  }
}

describe('gRPC between apps through their sidecars', () => {
  // Called through probe-a's sidecar, as probe-a itself would call probe-b.
  const probeB = sidecarClient(Probe, 'probe-b', { grpcPort: probe('probe-a').sidecarGrpc, deadlineMs: 3000, apiToken: daprApiToken('probe-a') });
  after(() => probeB.close());

  it('a call reaches the other app\'s gRPC service through both sidecars', async () => {
    const reply = await probeB.call('Echo', { message: 'hello' });
    assert.deepEqual({ message: reply.message, appId: reply.appId }, { message: 'hello', appId: 'probe-b' });
  });

  for (const kind of ['not_found', 'conflict', 'validation', 'unauthorized'] as const) {
    it(`a ${kind} error raised by the callee comes back as a RemoteCallError naming the callee, its kind and its code, not as the caller's own ${kind}`, async () => {
      await assert.rejects(probeB.call('Echo', { message: 'x', failWith: kind }), (error: unknown) => {
        assert.ok(error instanceof RemoteCallError, `got ${String(error)}`);
        assert.deepEqual({ kind: error.kind, app: error.app, remoteKind: error.remoteKind, remoteCode: error.remoteCode },
          { kind: 'dependency_failed', app: 'probe-b', remoteKind: kind, remoteCode: `PROBE.${kind.toUpperCase()}` });
        return true;
      });
    });
  }

  it('the callee\'s error details come back on the RemoteCallError as remoteDetails', async () => {
    await assert.rejects(probeB.call('Echo', { message: 'x', failWith: 'no-such-kind' }), (error: unknown) => {
      assert.ok(error instanceof RemoteCallError, `got ${String(error)}`);
      assert.deepEqual((error.remoteDetails as { field: string }[]).map((problem) => problem.field), ['request.failWith']);
      return true;
    });
  });

  it('a conflict travels as ABORTED, not FAILED_PRECONDITION', async () => {
    const failure = await rawEchoFailure({ message: 'x', failWith: 'conflict' });
    assert.equal(grpc.status[failure.code], 'ABORTED');
    assert.deepEqual(failure.metadata.get('pos-error-code'), ['PROBE.CONFLICT']);
  });

  it('a request message that breaks the method\'s schema is refused with INVALID_ARGUMENT naming the field, before the handler runs', async () => {
    const failure = await rawEchoFailure({ message: 'x', failWith: 'no-such-kind' });
    assert.equal(grpc.status[failure.code], 'INVALID_ARGUMENT');
    assert.deepEqual(failure.metadata.get('pos-error-code'), ['REQUEST.INVALID']);
    const details = JSON.parse(String(failure.metadata.get('pos-error-details-bin')[0])) as { field: string }[];
    assert.deepEqual(details.map((problem) => problem.field), ['request.failWith']);
  });

  for (const [kind, code] of [['unauthorized', 'PROBE.UNAUTHORIZED'], ['validation', 'PROBE.VALIDATION']] as const) {
    it(`an app whose callee fails with ${kind} answers its own client 502 DEPENDENCY.FAILED, never the callee's status`, async () => {
      const reply = await request('POST', `${probe('probe-a').url}/echo-peer`, { body: { message: 'x', failWith: kind } });
      assert.equal(reply.status, 502);
      assert.deepEqual(reply.body, { error: {
        code: 'DEPENDENCY.FAILED', message: `probe-b failed: asked to fail with ${kind}`, details: { dependency: 'probe-b', code },
      } });
    });
  }

  it('an app that translates a callee\'s error answers with its own error instead', async () => {
    const reply = await request('POST', `${probe('probe-a').url}/echo-peer`, { body: { message: 'x', failWith: 'not_found' } });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { error: { code: 'PROBE.PEER_HAS_NOTHING', message: 'the peer has nothing by that name' } });
  });

  it('an app whose callee reports a dependency of its own unavailable answers 503', async () => {
    const reply = await request('POST', `${probe('probe-a').url}/echo-peer`, { body: { message: 'x', failWith: 'unavailable' } });
    assert.equal(reply.status, 503);
    assert.equal((reply.body as { error: { code: string } }).error.code, 'DEPENDENCY.UNAVAILABLE');
  });

  it('a call to an app that does not exist fails as a dependency that is unavailable', async () => {
    const nobody = sidecarClient(Probe, 'no-such-app', { grpcPort: probe('probe-a').sidecarGrpc, deadlineMs: 6000, apiToken: daprApiToken('probe-a') });
    try {
      await assert.rejects(nobody.call('Echo', { message: 'x' }), (error: unknown) =>
        error instanceof AppError && error.kind === 'unavailable');
    } finally {
      nobody.close();
    }
  });
});

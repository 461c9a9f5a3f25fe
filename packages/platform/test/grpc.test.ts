import assert from 'node:assert/strict';
import { AppError, loadService, sidecarClient } from '../src/index.ts';
import { request } from '../src/testing/index.ts';
import { probe } from '../../../tests/support/stack.ts';
import { daprApiToken } from '../../../tests/support/sidecar-tokens.ts';

const Probe = loadService('pos/probe/v1/probe.proto', 'pos.probe.v1.Probe');

describe('gRPC between apps through their sidecars', () => {
  // Called through probe-a's sidecar, as probe-a itself would call probe-b.
  const probeB = sidecarClient(Probe, 'probe-b', { grpcPort: probe('probe-a').sidecarGrpc, deadlineMs: 3000, apiToken: daprApiToken('probe-a') });
  after(() => probeB.close());

  it('a call reaches the other app\'s gRPC service through both sidecars', async () => {
    const reply = await probeB.call<{ message: string; appId: string }>('echo', { message: 'hello' });
    assert.deepEqual({ message: reply.message, appId: reply.appId }, { message: 'hello', appId: 'probe-b' });
  });

  for (const [kind, code] of [['not_found', 'PROBE.NOT_FOUND'], ['conflict', 'PROBE.CONFLICT'], ['validation', 'PROBE.VALIDATION']] as const) {
    it(`a ${kind} error raised by the callee comes back as the same kind and code`, async () => {
      await assert.rejects(probeB.call('echo', { message: 'x', failWith: kind }), (error: unknown) => {
        assert.ok(error instanceof AppError, `got ${String(error)}`);
        assert.equal(error.kind, kind);
        assert.equal(error.code, code);
        return true;
      });
    });
  }

  it('an app that calls another maps the callee\'s error to its own HTTP status', async () => {
    const reply = await request('POST', `${probe('probe-a').url}/echo-peer`, { body: { message: 'x', failWith: 'not_found' } });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { error: { code: 'PROBE.NOT_FOUND', message: 'asked to fail with not_found' } });
  });

  it('a call to an app that does not exist fails as a dependency that is unavailable', async () => {
    const nobody = sidecarClient(Probe, 'no-such-app', { grpcPort: probe('probe-a').sidecarGrpc, deadlineMs: 6000, apiToken: daprApiToken('probe-a') });
    try {
      await assert.rejects(nobody.call('echo', { message: 'x' }), (error: unknown) =>
        error instanceof AppError && error.kind === 'unavailable');
    } finally {
      nobody.close();
    }
  });
});

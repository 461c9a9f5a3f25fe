import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, findOnTopic, request } from '../src/testing/index.ts';
import { probe } from '../../../tests/support/stack.ts';

/** Everything an app of tests/probe has logged so far (dapr run writes one file per app and run). */
function appLog(appId: string): string {
  const dir = join(process.env.POS_LOG_DIR ?? '', 'apps', 'probe', 'logs');
  return readdirSync(dir).filter((f) => f.startsWith(`${appId}_app_`)).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
}

const newTraceparent = () => {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
};

const loggedWithTrace = (app: string, traceId: string) => {
  const lines = appLog(app).split('\n').filter((line) => line.includes(`"traceId":"${traceId}"`));
  assert.ok(lines.length > 0, `no log line of ${app} carries trace ${traceId}`);
  return lines;
};

describe('tracing across apps', function () {
  this.timeout(30_000);

  it('one trace runs app → sidecar → Kafka → sidecar → app for a published event', async () => {
    const { traceId, traceparent } = newTraceparent();
    const reply = await request<{ id: string }>('POST', `${probe('probe-b').url}/publish`, { body: { topic: 'probe.events', data: { note: 'traced' } }, headers: { traceparent } });
    assert.equal(reply.status, 202);
    const id = (reply.body as { id: string }).id;
    const onKafka = await findOnTopic('probe.events', (event) => event.id === id);
    assert.match(String(onKafka.traceparent), new RegExp(`^00-${traceId}-`));
    await eventually(async () => {
      const handling = loggedWithTrace('probe-a', traceId);
      assert.ok(handling.some((line) => line.includes('"route":"/events/probe"')), 'probe-a handled the event in the same trace');
    });
  });

  it('one trace id reaches both apps of a gRPC call through Dapr and appears in both apps\' logs', async () => {
    const { traceId, traceparent } = newTraceparent();
    const reply = await request<{ traceId: string }>('POST', `${probe('probe-a').url}/echo-peer`, { body: { message: 'trace me' }, headers: { traceparent } });
    assert.equal(reply.status, 200);
    assert.equal((reply.body as { traceId: string }).traceId, traceId);

    await eventually(async () => {
      for (const app of ['probe-a', 'probe-b']) loggedWithTrace(app, traceId);
    });
  });

  it('the callee logs one line per gRPC call, with the caller\'s request id, the trace id, the method and the outcome', async () => {
    const { traceId, traceparent } = newTraceparent();
    const requestId = randomUUID();
    const reply = await request('POST', `${probe('probe-a').url}/echo-peer`, { body: { message: 'log me' }, headers: { traceparent, 'x-request-id': requestId } });
    assert.equal(reply.status, 200);

    await eventually(async () => {
      // dapr run puts `== APP - probe-b == ` before each line of the app's JSON.
      const calls = appLog('probe-b').split('\n').filter((line) => line.includes(`"requestId":"${requestId}"`))
        .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>).filter((line) => line.msg === 'grpc call');
      assert.equal(calls.length, 1, `probe-b logged ${calls.length} gRPC calls for request ${requestId}`);
      assert.deepEqual({ method: calls[0]?.method, code: calls[0]?.code, traceId: calls[0]?.traceId },
        { method: 'pos.probe.v1.Probe/Echo', code: 'OK', traceId });
    });
  });
});

// How an app ends: SIGTERM drains it (not ready first, requests in flight finish, spans
// flushed); a crash is reported by npm run status. Both use the probe apps and restart them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { eventually, request } from '@pos/platform/testing';
import { listenerPid, probe } from '../support/stack.ts';

const root = new URL('../../', import.meta.url).pathname;
const bash = (...args: string[]) => execFileSync('bash', args, { cwd: root, encoding: 'utf8' });
const probeA = probe('probe-a');
const probeB = probe('probe-b');
/** probe-a exports its spans here (tests/probe/dapr.yaml). */
const COLLECTOR_PORT = 4319;

/** An OTLP/HTTP receiver that keeps every body it is sent. */
async function startCollector(): Promise<{ server: Server; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('latin1'); });
    req.on('end', () => { bodies.push(body); res.writeHead(200, { 'content-type': 'application/json' }).end('{}'); });
  });
  await new Promise<void>((resolve) => server.listen(COLLECTOR_PORT, '127.0.0.1', resolve));
  return { server, bodies };
}

describe('app lifecycle (probe apps)', () => {
  after(function () {
    this.timeout(120_000);
    bash('scripts/apps.sh', 'down', 'probe');
    bash('scripts/apps.sh', 'up', 'probe');
  });

  it('on SIGTERM an app answers 503 on /readyz at once, finishes the request in flight, and flushes its spans before it exits', async () => {
    const collector = await startCollector();
    try {
      const pid = listenerPid(probeA.http);
      assert.ok(pid, 'probe-a listens');
      const traceId = 'f'.repeat(16) + Date.now().toString(16).padStart(16, '0');
      let slowDone = false;
      const slow = request('GET', `${probeA.url}/slow?ms=5000`, { headers: { traceparent: `00-${traceId}-${'a'.repeat(16)}-01` } })
        .finally(() => { slowDone = true; });
      await eventually(async () => assert.equal((await request('GET', `${probeA.url}/healthz`)).status, 200));

      process.kill(pid, 'SIGTERM');
      const readyz = await eventually(async () => {
        const reply = await request<{ error: { code: string } }>('GET', `${probeA.url}/readyz`);
        assert.equal(reply.status, 503);
        return reply;
      });
      assert.equal(readyz.body.error.code, 'SERVICE.STOPPING');
      assert.equal(slowDone, false, 'the slow request was still in flight when readiness flipped');

      assert.equal((await slow).status, 200, 'the request in flight was answered');
      // The port closes when draining starts; the flush comes after the last answer.
      await eventually(async () => assert.throws(() => process.kill(pid, 0), 'probe-a exited'));
      assert.ok(collector.bodies.some((body) => body.includes(traceId)), 'the span of the request in flight was exported before exit');
    } finally {
      await new Promise((resolve) => collector.server.close(resolve));
    }
  });

  it('apps running for another checkout or POS_ENV are restarted by apps.sh up, not taken for ours', function () {
    this.timeout(120_000);
    const startedFor = `${process.env.POS_STATE_DIR}/pids/dapr-run-probe.for`;
    const ours = readFileSync(startedFor, 'utf8');
    const before = listenerPid(probeA.http);
    writeFileSync(startedFor, 'POS_ENV=development root=/elsewhere\n');
    const output = bash('scripts/apps.sh', 'up', 'probe');
    assert.match(output, /probe run for POS_ENV=development root=\/elsewhere; restarting them for POS_ENV=test root=/);
    assert.equal(readFileSync(startedFor, 'utf8'), ours);
    const after = listenerPid(probeA.http);
    assert.ok(after && after !== before, 'probe-a is a new process');
  });

  it('when an app process dies, npm run status says DIED and shows the end of its log', async () => {
    const pid = listenerPid(probeB.http);
    assert.ok(pid, 'probe-b listens');
    process.kill(pid, 'SIGKILL');

    const status = await eventually(async () => {
      const output = bash('scripts/status.sh');
      assert.match(output, /probe-b app +127\.0\.0\.1:3102 +DIED/);
      return output;
    });
    assert.match(status, /\| .*exited with error code: signal: killed/);
  });
});

// What a person running the stack looks at: every trace in Zipkin, every app and sidecar
// scraped by Prometheus (targets generated from dapr.yaml), and alert rules that promtool
// checks and unit-tests (observability/prometheus).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, request } from '@pos/platform/testing';
import { apps, probe } from '../support/stack.ts';

const root = new URL('../../', import.meta.url).pathname;
const zipkin = `http://127.0.0.1:${Number(process.env.ZIPKIN_PORT)}`;
const prometheus = `http://127.0.0.1:${Number(process.env.POS_PROMETHEUS_PORT)}`;
const promtool = (...args: string[]) => execFileSync(process.env.PROMTOOL_BIN ?? 'promtool', args, { cwd: root, encoding: 'utf8' });

interface ZipkinSpan { traceId: string; id: string; parentId?: string; name?: string; localEndpoint?: { serviceName?: string }; tags?: Record<string, string> }

describe('observability', function () {
  this.timeout(60_000);
  before(function () {
    if (process.env.POS_OBSERVE === '0') this.skip(); // neither server runs, promtool may be missing
  });

  it('a gRPC call from probe-a to probe-b through both sidecars is one trace in Zipkin, with both apps\' and both sidecars\' spans', async () => {
    // Right after a restart probe-b's gRPC server may not listen yet (probe-a answers 503):
    // each attempt is a trace of its own.
    const { traceId, callerSpanId } = await eventually(async () => {
      const caller = { traceId: randomBytes(16).toString('hex'), callerSpanId: randomBytes(8).toString('hex') };
      const traceparent = `00-${caller.traceId}-${caller.callerSpanId}-01`;
      const reply = await request('POST', `${probe('probe-a').url}/echo-peer`, { body: { message: 'find me in zipkin' }, headers: { traceparent } });
      assert.equal(reply.status, 200);
      return caller;
    });

    // The apps and the sidecars each send their spans in batches, seconds apart.
    await eventually(async () => {
      const traces = await (await fetch(`${zipkin}/api/v2/traces?serviceName=probe-b&lookback=600000&limit=1000`)).json() as ZipkinSpan[][];
      const trace = traces.find((candidate) => candidate[0]?.traceId === traceId);
      assert.ok(trace, `Zipkin has no trace ${traceId} of probe-b yet`);
      const reporters = new Set(trace.map(reporterOf));
      for (const reporter of ['probe-a app', 'probe-a sidecar', 'probe-b sidecar', 'probe-b app']) assert.ok(reporters.has(reporter), `a span of the ${reporter}`);
      // One tree: every span hangs from another span of the trace, but for the first of probe-a,
      // whose parent is the caller's (this test's traceparent).
      const ids = new Set(trace.map((span) => span.id));
      assert.deepEqual(trace.filter((span) => !span.parentId || !ids.has(span.parentId)).map((span) => `${reporterOf(span)} ${span.name} <- ${span.parentId}`),
        [`probe-a app post /echo-peer <- ${callerSpanId}`]);
    }, { timeoutMs: 30_000 });
  });

  it('Prometheus scrapes every app and every sidecar of dapr.yaml, and each target is up', async () => {
    const expected = apps.flatMap(({ app, http, sidecarMetrics }) => [`apps ${app} 127.0.0.1:${http}`, `sidecars ${app} 127.0.0.1:${sidecarMetrics}`]).sort();
    await eventually(async () => {
      const { data } = await (await fetch(`${prometheus}/api/v1/targets?state=active`)).json() as {
        data: { activeTargets: { labels: { job: string; app: string; instance: string }; health: string; lastError: string }[] };
      };
      const targets = data.activeTargets.map(({ labels }) => `${labels.job} ${labels.app} ${labels.instance}`).sort();
      assert.deepEqual(targets, expected);
      const notUp = data.activeTargets.filter(({ health }) => health !== 'up').map(({ labels, lastError }) => `${labels.instance}: ${lastError}`);
      assert.deepEqual(notUp, []);
    }, { timeoutMs: 30_000 });
  });

  it('Zipkin keeps an idle keep-alive connection open past 15 s, so a sidecar reusing its own (Go keeps them 90 s) does not lose a batch of spans to EOF', async () => {
    const socket = connect(Number(process.env.ZIPKIN_PORT), '127.0.0.1');
    let closed = false;
    socket.on('close', () => { closed = true; });
    socket.on('error', () => undefined);
    try {
      const answered = new Promise<string>((resolve) => socket.once('data', (chunk) => resolve(String(chunk))));
      socket.write('GET /health HTTP/1.1\r\nHost: zipkin\r\nConnection: keep-alive\r\n\r\n');
      assert.match(await answered, /^HTTP\/1\.1 200/);
      await sleep(16_000); // Armeria's default closes it after 15 s
      assert.equal(closed, false, 'Zipkin closed the idle connection');
    } finally {
      socket.destroy();
    }
  });

  it('Zipkin and Prometheus listen on 127.0.0.1 only', () => {
    for (const port of [process.env.ZIPKIN_PORT, process.env.POS_PROMETHEUS_PORT]) {
      const listeners = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' }).trim().split('\n')
        .map((line) => line.split(/\s+/)[3]);
      assert.ok(listeners.length > 0, `something listens on ${port}`);
      assert.deepEqual(listeners.filter((address) => !/^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):/.test(address ?? '')), [], `port ${port}`);
    }
  });

  it('npm run status shows Zipkin and Prometheus healthy, with their URLs', () => {
    const status = execFileSync('bash', ['scripts/status.sh'], { cwd: root, encoding: 'utf8' });
    // (a supervised server has its supervisor's line between)
    assert.match(status, new RegExp(`Zipkin +127\\.0\\.0\\.1:${process.env.ZIPKIN_PORT} +healthy\\n(?: +supervised: .*\\n)? +traces: ${zipkin}/zipkin/`));
    assert.match(status, new RegExp(`Prometheus +127\\.0\\.0\\.1:${process.env.POS_PROMETHEUS_PORT} +healthy\\n(?: +supervised: .*\\n)? +graphs: ${prometheus}/graph`));
  });

  it('the alerting and recording rules pass promtool check rules, and their unit tests pass', () => {
    assert.match(promtool('check', 'rules', ...ruleFiles()), /SUCCESS/);
    const unitTests = ['alerts', 'checkout-slo'].map((name) => `observability/prometheus/tests/${name}.test.yml`);
    assert.doesNotMatch(promtool('test', 'rules', ...unitTests), /FAILED/);
  });
});

const ruleFiles = () => readdirSync(`${root}observability/prometheus/rules`).map((file) => `observability/prometheus/rules/${file}`);

// An app and its sidecar report under one service name (the app id). The apps' exporter adds
// the OpenTelemetry JS SDK's resource to every span; the sidecars' spans come from Dapr's own scope.
const isAppSpan = (app: string) => (span: ZipkinSpan) =>
  span.localEndpoint?.serviceName === app && span.tags?.['telemetry.sdk.language'] === 'nodejs';
const isSidecarSpan = (span: ZipkinSpan) => span.tags?.['otel.scope.name'] === 'dapr-diagnostics';
/** "<app id> app" or "<app id> sidecar" */
const reporterOf = (span: ZipkinSpan) => {
  const app = span.localEndpoint?.serviceName ?? '?';
  return `${app} ${isAppSpan(app)(span) ? 'app' : isSidecarSpan(span) ? 'sidecar' : 'unknown reporter'}`;
};

// The telemetry preload of an app that exports no spans (no OTEL_EXPORTER_OTLP_ENDPOINT), in a
// child process, since the preload sets up the process's one tracer provider.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const platform = fileURLToPath(new URL('..', import.meta.url));

// Starts a span, and a child of it, and prints what a log line and W3C context get from them.
const SCRIPT = `
import { trace } from '@opentelemetry/api';
const tracer = trace.getTracer('test');
tracer.startActiveSpan('outer', (outer) => {
  const inner = tracer.startSpan('inner');
  const [o, i] = [outer.spanContext(), inner.spanContext()];
  console.log(JSON.stringify({ recording: outer.isRecording() || inner.isRecording(), valid: trace.isSpanContextValid(o) && trace.isSpanContextValid(i),
    sameTrace: o.traceId === i.traceId, ownSpanIds: o.spanId !== i.spanId }));
});`;

describe('telemetry without an exporter', () => {
  it('spans record nothing, yet each has a valid span id of its own in its parent\'s trace', () => {
    const env = { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_ZIPKIN_ENDPOINT: '' };
    const out = execFileSync(process.execPath, ['--import', './src/telemetry/register.ts', '--input-type=module', '-e', SCRIPT], { cwd: platform, env, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1) as string), { recording: false, valid: true, sameTrace: true, ownSpanIds: true });
  });
});

// Loaded before the service's own code (`node --import @pos/platform/telemetry src/main.ts`),
// so the instrumentations are in place before koa, pg, mongodb, grpc or kafkajs are imported.
// Spans are always made, so logs carry trace ids and W3C trace context flows through Dapr;
// they are exported to each receiver that the environment names (both may be set):
//   OTEL_EXPORTER_ZIPKIN_ENDPOINT  a Zipkin v2 API, e.g. the local one (scripts/lib/env.sh sets it)
//   OTEL_EXPORTER_OTLP_ENDPOINT    an OTLP/HTTP collector
// and with neither, not recorded at all.
// Of the traces an app starts itself, TRACE_SAMPLE_RATIO are recorded (default 0.01, the
// sidecars' samplingRate too): recording and exporting every request's spans cost more CPU per
// sale than most of the work (bench/order-cash-checkout.bench.ts). A trace that arrives with a
// traceparent keeps its caller's decision, so a caller that sends a sampled one (flag 01) gets
// the whole trace, in every app and sidecar it crosses. Unsampled spans still have ids, so
// logs carry trace ids either way.
import { register } from 'node:module';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { AlwaysOffSampler, BatchSpanProcessor, NoopSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type SpanExporter } from '@opentelemetry/sdk-trace';
import { instrumentations } from './instrumentations.ts';
import { ProxiedTraceContextPropagator } from './propagator.ts';
import { onTelemetryShutdown } from './shutdown.ts';

// Lets the instrumentations patch modules loaded through ESM `import` too.
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const serviceName = process.env.OTEL_SERVICE_NAME ?? process.env.APP_ID ?? 'pos';
const exporters: SpanExporter[] = [];
// Each exporter reads its own endpoint variable.
if (process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT) exporters.push(new ZipkinExporter({ serviceName }));
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) exporters.push(new OTLPTraceExporter());

/** TRACE_SAMPLE_RATIO, a fraction from 0 to 1; anything else is refused at start-up. */
function sampleRatio(): number {
  const raw = process.env.TRACE_SAMPLE_RATIO ?? '0.01';
  const ratio = Number(raw);
  if (raw.trim() === '' || !(ratio >= 0 && ratio <= 1)) throw new Error(`TRACE_SAMPLE_RATIO must be a number from 0 to 1, not "${raw}"`);
  return ratio;
}

const sdk = new NodeSDK({
  serviceName,
  // With no processor the SDK would register no tracer at all, and make no ids.
  spanProcessors: exporters.length > 0 ? exporters.map((exporter) => new BatchSpanProcessor({ exporter })) : [new NoopSpanProcessor()],
  // With no exporter a span is thrown away at its end, so none records its attributes and
  // events (a span per query and per call adds up): a non-recording span still gets its own
  // span id in its parent's trace, all the logs and W3C context need.
  sampler: exporters.length === 0 ? new AlwaysOffSampler() : new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio()) }),
  // Traces only: metrics are prom-client's (/metrics), logs pino's. Left unset, the SDK would
  // add an OTLP metrics and logs exporter, and every instrumented call would record metrics
  // nobody reads (a few % of an app's CPU per sale).
  metricReaders: [],
  logRecordProcessors: [],
  instrumentations: instrumentations(),
  textMapPropagator: new ProxiedTraceContextPropagator(),
});
sdk.start();

onTelemetryShutdown(() => sdk.shutdown());
process.once('beforeExit', () => void sdk.shutdown());

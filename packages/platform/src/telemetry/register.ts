// Loaded before the service's own code (`node --import @pos/platform/telemetry src/main.ts`),
// so the instrumentations are in place before koa, pg, mongodb, grpc or kafkajs are imported.
// Spans are always made, so logs carry trace ids and W3C trace context flows through Dapr;
// they are recorded and exported only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector.
import { register } from 'node:module';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { AlwaysOffSampler, BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import { instrumentations } from './instrumentations.ts';
import { ProxiedTraceContextPropagator } from './propagator.ts';
import { onTelemetryShutdown } from './shutdown.ts';

// Lets the instrumentations patch modules loaded through ESM `import` too.
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const exportSpans = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
const sdk = new NodeSDK({
  serviceName: process.env.OTEL_SERVICE_NAME ?? process.env.APP_ID ?? 'pos',
  spanProcessors: [exportSpans ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }) : new NoopSpanProcessor()],
  // With no exporter a span is thrown away at its end, so none records its attributes and
  // events (a span per query and per call adds up): a non-recording span still gets its own
  // span id in its parent's trace, all the logs and W3C context need.
  ...(!exportSpans && { sampler: new AlwaysOffSampler() }),
  instrumentations: instrumentations(),
  textMapPropagator: new ProxiedTraceContextPropagator(),
});
sdk.start();

onTelemetryShutdown(() => sdk.shutdown());
process.once('beforeExit', () => void sdk.shutdown());

import type { Context, TextMapGetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** W3C trace context that survives Dapr's gRPC proxy. The sidecar forwards the caller's
 * traceparent and appends its own, and the callee sees both in one comma-joined value, which
 * the stock propagator rejects (so every proxied call started a new trace). Both carry the
 * same trace id; the last one is the sidecar's span, the direct parent, so that one is used. */
export class ProxiedTraceContextPropagator extends W3CTraceContextPropagator {
  override extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const lastValue: TextMapGetter = {
      keys: (c) => getter.keys(c),
      get: (c, key) => {
        const raw = getter.get(c, key);
        const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v?.split(',') ?? []);
        return values.at(-1)?.trim();
      },
    };
    return super.extract(context, carrier, lastValue);
  }
}

// The checkout as one trace in Zipkin: order → its sidecar → product's and inventory's sidecars
// → those apps → PostgreSQL, and the stock events the reservation wrote, relayed from inventory's
// outbox, continuing the trace in their consumer (product-query).
import assert from 'node:assert/strict';
import { eventually } from '@pos/platform/testing';
import { sampleCheckout, type SampleCheckout } from '../../scripts/lib/sample-checkout.ts';

const zipkin = `http://127.0.0.1:${Number(process.env.ZIPKIN_PORT)}`;

interface ZipkinSpan { traceId: string; id: string; parentId?: string; name?: string; kind?: string; localEndpoint?: { serviceName?: string }; tags?: Record<string, string> }

const appOf = (span: ZipkinSpan) => span.localEndpoint?.serviceName ?? '?';
const isAppSpan = (span: ZipkinSpan) => span.tags?.['telemetry.sdk.language'] === 'nodejs';
const isSidecarSpan = (span: ZipkinSpan) => span.tags?.['otel.scope.name'] === 'dapr-diagnostics';
/** "<app id> app" or "<app id> sidecar" */
const reporterOf = (span: ZipkinSpan) => `${appOf(span)} ${isAppSpan(span) ? 'app' : isSidecarSpan(span) ? 'sidecar' : 'unknown reporter'}`;

async function traceOf(traceId: string): Promise<ZipkinSpan[]> {
  const response = await fetch(`${zipkin}/api/v2/trace/${traceId}`);
  assert.equal(response.status, 200, `Zipkin has no trace ${traceId} yet`);
  return await response.json() as ZipkinSpan[];
}

describe('the checkout in Zipkin', function () {
  this.timeout(90_000);
  let checkout: SampleCheckout;
  before(async function () {
    if (process.env.POS_OBSERVE === '0') this.skip(); // no Zipkin runs
    checkout = await sampleCheckout();
  });

  it('a cash checkout sent with its own traceparent is one trace holding order, product and inventory (app and sidecar), their PostgreSQL queries, and product-query consuming the stock events', async () => {
    // The apps and the sidecars send their spans in batches, seconds apart, and the relay
    // publishes after commit: wait until every part has arrived.
    await eventually(async () => {
      const trace = await traceOf(checkout.traceId);
      const reporters = new Set(trace.map(reporterOf));
      for (const reporter of ['order app', 'order sidecar', 'product sidecar', 'product app', 'inventory sidecar', 'inventory app', 'product-query sidecar', 'product-query app']) {
        assert.ok(reporters.has(reporter), `a span of the ${reporter} in ${[...reporters].join(', ')}`);
      }
      const queriesBy = new Set(trace.filter((span) => span.tags?.['db.system'] === 'postgresql' || span.tags?.['db.system.name'] === 'postgresql').map(appOf));
      assert.deepEqual([...queriesBy].filter((app) => app === 'order' || app === 'inventory').sort(), ['inventory', 'order'], 'PostgreSQL spans of order and inventory');
      // The stock event of this checkout's product reached product-query's handler in this trace.
      assert.ok(trace.some((span) => appOf(span) === 'product-query' && isAppSpan(span) && /pos\.stock|events/.test(span.name ?? '')),
        `a span of product-query handling the stock event: ${trace.filter((span) => appOf(span) === 'product-query').map((span) => span.name).join(', ')}`);
      // One tree: every span hangs from another span of the trace, but for the first ones,
      // whose parents are the caller's (the test's two traceparents).
      const ids = new Set(trace.map((span) => span.id));
      const roots = trace.filter((span) => !span.parentId || !ids.has(span.parentId));
      assert.deepEqual(roots.map((span) => `${reporterOf(span)} <- ${span.parentId}`).sort(),
        checkout.callerSpanIds.map((id) => `order app <- ${id}`).sort(),
        `roots: ${roots.map((span) => `${reporterOf(span)} ${span.name} <- ${span.parentId}`).join('; ')}`);
    }, { timeoutMs: 60_000, everyMs: 1000 });
  });
});

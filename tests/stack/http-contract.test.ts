// Every service's OpenAPI document against its router, over HTTP, as a client sees them.
import assert from 'node:assert/strict';
import { apps } from '../support/stack.ts';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

const routerErrors = new Set(['ROUTE.NOT_FOUND', 'ROUTE.METHOD_NOT_ALLOWED']);

for (const { app, http } of apps) {
  describe(`the ${app} HTTP API`, () => {
    const base = `http://127.0.0.1:${http}`;

    it('serves an OpenAPI 3.1 document whose every operation its router knows', async () => {
      const document = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDocument;
      assert.equal(document.openapi, '3.1.0');
      for (const [path, operations] of Object.entries(document.paths)) {
        // Path parameters get a placeholder: the router must still match, whatever the handler says.
        const url = `${base}${path.replace(/\{\w+\}/g, 'placeholder')}`;
        for (const method of Object.keys(operations)) {
          const response = await fetch(url, { method: method.toUpperCase() });
          const body = await response.text();
          const code = response.headers.get('content-type')?.includes('json') ? (JSON.parse(body) as { error?: { code?: string } }).error?.code : undefined;
          assert.ok(!code || !routerErrors.has(code), `${method.toUpperCase()} ${path} is documented but not routed (${code})`);
        }
      }
    });

    it('answers an undocumented route with a 404 in the error shape', async () => {
      const response = await fetch(`${base}/no/such/route`);
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'ROUTE.NOT_FOUND');
    });

    it('is ready: its sidecar and its stores answer', async () => {
      const response = await fetch(`${base}/readyz`);
      assert.equal(response.status, 200, await response.clone().text());
      const checks = ((await response.json()) as { checks: Record<string, string> }).checks;
      assert.equal(checks.sidecar, 'ok');
      assert.ok(Object.values(checks).every((result) => result === 'ok'), JSON.stringify(checks));
    });

    it('serves RED metrics in the Prometheus format', async () => {
      await fetch(`${base}/healthz`);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      assert.match(metrics, /^# TYPE http_requests_total counter$/m);
      assert.match(metrics, /http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
      assert.match(metrics, /^# TYPE http_request_duration_seconds histogram$/m);
    });
  });
}

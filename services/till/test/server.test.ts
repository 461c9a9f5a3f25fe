// The till's origin on the real stack: its files, and /api/<app>/… through its own sidecar to
// the apps, past their sidecars' access control.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localSecret, request } from '@pos/platform/testing';
import { sidecarHeaders } from '../../../tests/support/sidecar-tokens.ts';
import { service } from '../../../tests/support/stack.ts';
import { FORWARDED } from '../server/forward.ts';

const TILL = service('till').url;
const api = (app: string, path: string) => `${TILL}/api/${app}${path}`;

let admin: Promise<string> | undefined;
/** The first admin's token, got by logging in through the till. */
const adminToken = () => {
  admin ??= request<{ accessToken: string }>('POST', api('user', '/auth/login'), { body: { email: localSecret('admin-email'), password: localSecret('admin-password') } })
    .then((reply) => {
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body.accessToken;
    });
  return admin;
};

/** A refusal by the callee's sidecar (its access control), not by the app. */
const deniedBySidecar = (status: number, body: unknown) =>
  status === 403 && (body as { errorCode?: string }).errorCode === 'ERR_DIRECT_INVOKE' && /access control policy has denied/.test(JSON.stringify(body));

interface OpenApiDocument { paths: Record<string, Record<string, unknown>> }
/** Entry points the till must never reach: Dapr's and the subscriptions', the operators' and Midtrans'. */
const notForTheTill = (path: string) => /^\/(dapr|events|payments)\//.test(path) || ['/healthz', '/readyz', '/metrics', '/openapi.json'].includes(path);

describe('the till (services/till/server)', function () {
  this.timeout(60_000);

  describe('forwards /api/<app>/… through its sidecar', () => {
    it('a login and GET /me through the till answer as user does', async () => {
      const token = await adminToken();
      const through = await request<{ email: string }>('GET', api('user', '/me'), { token });
      const direct = await request('GET', `${service('user').url}/me`, { token });
      assert.equal(through.status, 200, JSON.stringify(through.body));
      assert.deepEqual(through.body, direct.body);
      assert.equal(through.body.email, localSecret('admin-email'));
      assert.match(through.headers.get('content-type') ?? '', /^application\/json/);
    });

    it('a product search through the till answers as product-query does, query string and all', async () => {
      const token = await adminToken();
      const query = '/products/search?q=kopi%20susu&pageSize=3&sort=name';
      const through = await request('GET', api('product-query', query), { token });
      assert.equal(through.status, 200, JSON.stringify(through.body));
      assert.deepEqual(through.body, (await request('GET', `${service('product-query').url}${query}`, { token })).body);
      assert.equal((await request('GET', api('product-query', '/products/search?pageSize=101'), { token })).status, 400);
    });

    it('a cart through the till: 201 with its ETag, If-Match carried to order (a stale one is refused), 204 without a body', async () => {
      const token = await adminToken();
      const open = () => request<{ id: string }>('POST', api('order', '/carts'), { token, body: { outletId: 'outlet-1', tillId: 'till-test' } });
      const [opened, other] = [await open(), await open()];
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const etag = opened.headers.get('etag');
      assert.ok(etag);
      // Another cart's ETag: well-formed, and not this cart's.
      const stale = await request('DELETE', api('order', `/carts/${opened.body.id}`), { token, headers: { 'if-match': other.headers.get('etag') ?? '' } });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      const discarded = await request('DELETE', api('order', `/carts/${opened.body.id}`), { token, headers: { 'if-match': etag } });
      assert.equal(discarded.status, 204);
    });

    it('inventory\'s HTTP API through the till (its HTTPEndpoint): the app itself answers', async () => {
      const reply = await request<{ error: { code: string } }>('GET', api('inventory', `/stock/${randomUUID()}`), { token: await adminToken() });
      assert.equal(reply.status, 404, JSON.stringify(reply.body));
      assert.match(reply.body.error.code, /^INVENTORY\./);
    });

    it('product\'s HTTP API through the till (its HTTPEndpoint): the app itself answers', async () => {
      const reply = await request<{ error: { code: string } }>('GET', api('product', `/products/${randomUUID()}`), { token: await adminToken() });
      assert.equal(reply.status, 404, JSON.stringify(reply.body));
      assert.match(reply.body.error.code, /^PRODUCT\./);
    });

    it('no token is the app\'s own 401', async () => {
      const reply = await request<{ error: { code: string } }>('GET', api('user', '/me'));
      assert.deepEqual([reply.status, reply.body.error.code], [401, 'AUTH.UNAUTHORIZED']);
    });

    it('a body over 1 MB is refused with 413', async () => {
      const reply = await request<{ error: { code: string } }>('POST', api('user', '/auth/login'), { body: { email: 'x'.repeat(1024 * 1024), password: 'x' } });
      assert.deepEqual([reply.status, reply.body.error.code], [413, 'REQUEST.TOO_LARGE']);
    });
  });

  describe('refuses what it does not forward', () => {
    for (const app of ['inventory-http', 'till', 'probe-a']) {
      it(`another app id (${app}) answers 404 in the error shape`, async () => {
        const reply = await request<{ error: { code: string } }>('GET', api(app, '/healthz'));
        assert.deepEqual([reply.status, reply.body.error.code], [404, 'TILL.NOT_FORWARDED']);
      });
    }

    it('a Dapr-only path answers 404 at the till, and the callee\'s sidecar refuses it to the till anyway', async () => {
      const reply = await request<{ error: { code: string } }>('POST', api('product-query', '/events/products'), { body: {} });
      assert.deepEqual([reply.status, reply.body.error.code], [404, 'TILL.NOT_FORWARDED']);
      const response = await fetch(`http://127.0.0.1:${service('till').sidecarHttp}/v1.0/invoke/product-query/method/events/products`, {
        method: 'POST', headers: { ...sidecarHeaders('till'), 'content-type': 'application/json' }, body: '{}',
      });
      assert.ok(deniedBySidecar(response.status, await response.json()));
    });

    it('an app\'s metrics (/metrics, any case, a trailing slash) answer 404 at the till: Prometheus alone reads them', async () => {
      for (const app of ['inventory', 'order', 'user', 'product-query', 'product']) {
        for (const path of ['/metrics', '/METRICS', '/metrics/']) {
          const reply = await request<{ error: { code: string } }>('GET', api(app, path));
          assert.deepEqual([reply.status, reply.body.error.code], [404, 'TILL.NOT_FORWARDED'], `${app}${path}`);
        }
      }
    });

    it('a path climbing out of the app (..) answers 400', async () => {
      // fetch would resolve the dots itself: a request line as a browser could send it.
      const { request: raw } = await import('node:http');
      const status = await new Promise<number | undefined>((resolve, reject) => {
        raw({ host: '127.0.0.1', port: service('till').http, path: '/api/user/me/%2e%2e/%2e%2e/order/method/orders' }, (res) => { res.resume(); resolve(res.statusCode); })
          .on('error', reject).end();
      });
      assert.equal(status, 400);
    });
  });

  describe('the callees\' access control (components/<app>.configuration.yaml)', () => {
    for (const app of Object.keys(FORWARDED).filter((name) => FORWARDED[name] === name)) {
      it(`${app}'s sidecar lets the till reach every operation of its API, and none of the others`, async () => {
        const document = (await (await fetch(`${service(app).url}/openapi.json`)).json()) as OpenApiDocument;
        const wrong: string[] = [];
        for (const [path, operations] of Object.entries(document.paths)) {
          for (const method of Object.keys(operations).map((name) => name.toUpperCase())) {
            const placed = path.replace(/\{\w+\}/g, 'placeholder');
            // Straight to the till's sidecar, so the till's own refusals do not hide the callee's.
            const response = await fetch(`http://127.0.0.1:${service('till').sidecarHttp}/v1.0/invoke/${app}/method${placed}`, {
              method, headers: { ...sidecarHeaders('till'), ...(method !== 'GET' && method !== 'DELETE' && { 'content-type': 'application/json' }) },
              ...(method !== 'GET' && method !== 'DELETE' && { body: '{}' }),
            });
            const text = await response.text();
            const denied = deniedBySidecar(response.status, text.startsWith('{') ? JSON.parse(text) : {});
            if (denied !== notForTheTill(path)) wrong.push(`${method} ${path}: ${denied ? 'denied' : `let through (${response.status})`}`);
          }
        }
        assert.deepEqual(wrong, []);
      });
    }
  });

  describe('serves the web app from dist/', () => {
    const dist = fileURLToPath(new URL('../dist/', import.meta.url));
    const made: string[] = [];
    const asset = `till-test-${randomUUID().slice(0, 8).toUpperCase()}.css`;
    before(() => {
      mkdirSync(dist, { recursive: true });
      writeFileSync(join(dist, asset), 'body { margin: 0 }\n');
      made.push(join(dist, asset));
      if (!existsSync(join(dist, 'index.html'))) {
        writeFileSync(join(dist, 'index.html'), '<!doctype html><title>till</title>\n');
        made.push(join(dist, 'index.html'));
      }
    });
    after(() => { for (const file of made) rmSync(file, { force: true }); });

    it('a hashed asset with its type, cached for good', async () => {
      const response = await fetch(`${TILL}/${asset}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(await response.text(), 'body { margin: 0 }\n');
    });

    it('index.html for an app route a browser navigates to, never cached without asking', async () => {
      const response = await fetch(`${TILL}/sale/new`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.match(await response.text(), /<title>/i);
    });

    it('a missing file is a 404 in the error shape, not index.html', async () => {
      const response = await fetch(`${TILL}/no-such-${randomUUID()}.js`);
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'ROUTE.NOT_FOUND');
    });
  });

  it('answers /healthz, /readyz (its sidecar) and /metrics like the other apps, forwarded calls by their route', async () => {
    await fetch(api('user', '/.well-known/jwks.json'));
    assert.deepEqual(await (await fetch(`${TILL}/healthz`)).json(), { status: 'ok', service: 'till' });
    assert.deepEqual(await (await fetch(`${TILL}/readyz`)).json(), { status: 'ready', checks: { sidecar: 'ok' } });
    assert.match(await (await fetch(`${TILL}/metrics`)).text(), /http_requests_total\{method="GET",route="\/api\/:app\/\*path"/);
  });
});

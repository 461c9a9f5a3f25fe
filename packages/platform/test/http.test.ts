// The koa app factory, in-process on a free port: validation, error mapping, built-in routes.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  ConflictError, createHttpApp, createLogger, defineRoute, openApiPath, routesOf, z,
} from '../src/index.ts';

const item = z.object({ name: z.string().min(1), quantity: z.number().int().positive() });
const app = createHttpApp({
  service: 'sample',
  log: createLogger('sample').child({}, { level: 'silent' }),
  readiness: { alwaysFine: async () => undefined, neverAnswers: () => new Promise(() => undefined) },
  routes: [
    defineRoute({
      method: 'post', path: '/items/:shelf', summary: 'add an item',
      params: z.object({ shelf: z.string().regex(/^[A-Z]\d$/) }), body: item,
      responses: { 201: { description: 'added', schema: item } },
      handle: async ({ body, params }) => ({ status: 201, body: { ...body, shelf: params.shelf } }),
    }),
    defineRoute({
      method: 'get', path: '/conflict', summary: 'always a conflict', responses: {},
      handle: async () => { throw new ConflictError('SAMPLE.TAKEN', 'already taken'); },
    }),
    defineRoute({
      method: 'get', path: '/bug', summary: 'a programming error', responses: {},
      handle: async () => { throw new TypeError('undefined is not a function'); },
    }),
  ],
});

describe('the HTTP app factory', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = async (method: string, path: string, body?: string) => {
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body && { body }) });
    return { status: response.status, body: await response.json() as { error?: { code: string; details?: unknown } } };
  };

  it('a valid request reaches its handler with parsed input', async () => {
    const reply = await send('POST', '/items/A1', JSON.stringify({ name: 'tea', quantity: 2 }));
    assert.deepEqual(reply, { status: 201, body: { name: 'tea', quantity: 2, shelf: 'A1' } });
  });

  it('invalid input is a 400 that names every wrong field', async () => {
    const reply = await send('POST', '/items/shelf9', JSON.stringify({ name: '', quantity: 1.5 }));
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error?.code, 'REQUEST.INVALID');
    const fields = (reply.body.error?.details as { field: string }[]).map((d) => d.field).sort();
    assert.deepEqual(fields, ['body.name', 'body.quantity', 'params.shelf']);
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const reply = await send('POST', '/items/A1', '{"name": ');
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error?.code, 'REQUEST.MALFORMED');
  });

  it('a domain error is mapped once, to its status and code', async () => {
    assert.deepEqual(await send('GET', '/conflict'), { status: 409, body: { error: { code: 'SAMPLE.TAKEN', message: 'already taken' } } });
  });

  it('an unexpected error is a 500 that reveals nothing', async () => {
    assert.deepEqual(await send('GET', '/bug'), { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } });
  });

  it('an unknown route is a 404 and a wrong method a 405, both in the error shape', async () => {
    assert.equal((await send('GET', '/nowhere')).body.error?.code, 'ROUTE.NOT_FOUND');
    const wrongMethod = await send('DELETE', '/conflict');
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.body.error?.code, 'ROUTE.METHOD_NOT_ALLOWED');
  });

  it('/readyz names the dependency that does not answer', async () => {
    const reply = await send('GET', '/readyz');
    assert.equal(reply.status, 503);
    assert.deepEqual(reply.body.error?.details, { alwaysFine: 'ok', neverAnswers: 'unavailable' });
  });

  it('paths are matched case and all: /METRICS is no /metrics (the edge and the mesh refuse /metrics by its exact path)', async () => {
    const shouted = await fetch(`${base}/METRICS`);
    assert.equal(shouted.status, 404);
    assert.equal(((await shouted.json()) as { error: { code: string } }).error.code, 'ROUTE.NOT_FOUND');
    assert.equal((await send('GET', '/Conflict')).status, 404);
    assert.equal((await send('GET', '/conflict')).status, 409);
  });

  it('/metrics counts requests by route pattern, not by raw path', async () => {
    await send('POST', '/items/B2', JSON.stringify({ name: 'rice', quantity: 1 }));
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /http_requests_total\{method="POST",route="\/items\/:shelf",status="201"\} \d+/);
    assert.doesNotMatch(metrics, /route="\/items\/B2"/);
  });

  it('the OpenAPI document and the router list the same operations', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(document.openapi, '3.1.0');
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();
    const routed = routesOf(app).map((r) => `${r.method} ${openApiPath(r.path)}`).sort();
    assert.deepEqual(documented, routed);
  });
});

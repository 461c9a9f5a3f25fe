// Text that is not text, and days that do not exist, are refused by the platform's validation
// for every route (a 400 naming the field), before a handler or a database sees them.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { calendarDate, createHttpApp, createLogger, defineRoute, z } from '../src/index.ts';

let handled = 0;
const app = createHttpApp({
  service: 'sample',
  log: createLogger('sample').child({}, { level: 'silent' }),
  routes: [
    defineRoute({
      method: 'post', path: '/notes', summary: 'a note',
      body: z.object({ text: z.string(), tags: z.record(z.string(), z.array(z.string())).optional() }),
      responses: { 201: { description: 'kept' } },
      handle: async () => { handled += 1; return { status: 201 }; },
    }),
    defineRoute({
      method: 'get', path: '/raw/:id', summary: 'no schema at all', responses: { 200: { description: 'seen' } },
      handle: async () => { handled += 1; return { body: {} }; },
    }),
    defineRoute({
      method: 'get', path: '/days', summary: 'a day', query: z.object({ date: calendarDate }), responses: { 200: { description: 'seen' } },
      handle: async () => { handled += 1; return { body: {} }; },
    }),
  ],
});

describe('bad input refused once, for every route', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => { handled = 0; });

  const post = (body: string) => fetch(`${base}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const problems = async (reply: Response) => {
    const body = await reply.json() as { error: { code: string; details: { field: string; problem: string }[] } };
    return { status: reply.status, code: body.error.code, fields: body.error.details.map((detail) => detail.field) };
  };

  it('a NUL or another control character in a string of the body, at any depth', async () => {
    assert.deepEqual(await problems(await post('{"text":"a\\u0000b"}')), { status: 400, code: 'REQUEST.INVALID', fields: ['body.text'] });
    assert.deepEqual(await problems(await post('{"text":"ok","tags":{"k":["fine","bell\\u0007"]}}')), { status: 400, code: 'REQUEST.INVALID', fields: ['body.tags.k.1'] });
    assert.equal(handled, 0);
  });

  it('half of a surrogate pair, in a value or in a key', async () => {
    assert.deepEqual(await problems(await post('{"text":"\\ud800"}')), { status: 400, code: 'REQUEST.INVALID', fields: ['body.text'] });
    assert.deepEqual(await problems(await post('{"text":"ok","tags":{"\\udc00":[]}}')), { status: 400, code: 'REQUEST.INVALID', fields: ['body.tags."\\udc00"'] });
    assert.equal(handled, 0);
  });

  it('tabs, line breaks and characters beyond the basic plane are text', async () => {
    assert.equal((await post('{"text":"line one\\nline two\\tend 😀 kopi"}')).status, 201);
    assert.equal(handled, 1);
  });

  it('a path parameter or query of a route without schemas is checked too', async () => {
    assert.deepEqual(await problems(await fetch(`${base}/raw/a%00b`)), { status: 400, code: 'REQUEST.INVALID', fields: ['params.id'] });
    assert.deepEqual(await problems(await fetch(`${base}/raw/x?q=%1B[2J`)), { status: 400, code: 'REQUEST.INVALID', fields: ['query.q'] });
    assert.equal(handled, 0);
  });

  it('a day that is not on the calendar is a 400, a real one is taken', async () => {
    for (const date of ['2026-02-31', '0000-00-00', '2026-13-01', '2025-02-29', '2026-2-1']) {
      assert.deepEqual(await problems(await fetch(`${base}/days?date=${date}`)), { status: 400, code: 'REQUEST.INVALID', fields: ['query.date'] }, date);
    }
    assert.equal((await fetch(`${base}/days?date=2024-02-29`)).status, 200);
    assert.equal(handled, 1);
  });
});

// Tills as devices: registering and revoking them, and logins and refreshes at a registered
// till (the till claim, the till's credential checked every time). The throttling of logins
// at a till is in lockout.test.ts.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { createPool, type Pool } from '@pos/platform';
import { findOnTopic, localSecret } from '@pos/platform/testing';
import { decodeJwt } from 'jose';
import { service } from '../../../tests/support/stack.ts';
import { tokenKey } from '../src/store/session.store.ts';
import { asAdmin, atTill, call, callFrom, freshAddress, newTill, newUser, uniqueTillCode, type RegisteredTill, type Session } from './support.ts';

type Till = RegisteredTill['till'];
type ErrorBody = { error: { code: string; details?: { field: string }[] } };
const errorOf = (body: unknown) => (body as ErrorBody).error;

const loginAt = (headers: Record<string, string>, email: string, password: string) =>
  callFrom<Session & ErrorBody>(freshAddress(), 'POST', '/auth/login', { body: { email, password }, headers });
const refreshAt = (headers: Record<string, string>, refreshToken: string) =>
  callFrom<Session & ErrorBody>(freshAddress(), 'POST', '/auth/refresh', { body: { refreshToken }, headers });

describe('tills', function () {
  this.timeout(60_000);
  let pool: Pool;
  let statePool: Pool;
  let admin: string;
  before(async () => {
    pool = createPool(localSecret('user-db-url'), { test: true });
    statePool = createPool(localSecret('state-db-url'), { test: true });
    admin = (await asAdmin()).accessToken;
  });
  after(async () => { await pool.end(); await statePool.end(); });

  describe('registering', () => {
    it('a manager registers a till: 201 with the till and its key, which is kept only as its SHA-256', async () => {
      const manager = await newUser('manager');
      const code = uniqueTillCode();
      const reply = await call<RegisteredTill>('POST', '/tills', { token: manager.accessToken, body: { code, outletId: 'OUTLET-7', name: 'Front counter' } });
      assert.equal(reply.status, 201);
      const { till, key } = reply.body;
      assert.deepEqual({ ...till, id: undefined, createdAt: undefined },
        { id: undefined, code, outletId: 'OUTLET-7', name: 'Front counter', createdAt: undefined, revokedAt: null });
      assert.ok(key.length >= 43, 'a 256-bit key');
      const { rows } = await pool.query<Record<string, unknown>>('SELECT * FROM tills WHERE id = $1', [till.id]);
      assert.deepEqual(rows[0]?.key_hash, createHash('sha256').update(key).digest());
      assert.ok(!JSON.stringify(rows[0]).includes(key));
    });

    it('a till without a name is named by its code; GET /tills lists it, without any key', async () => {
      const code = uniqueTillCode();
      const created = await call<RegisteredTill>('POST', '/tills', { token: admin, body: { code, outletId: 'OUTLET-1' } });
      assert.equal(created.body.till.name, code);
      const listed = await call<{ tills: Till[] }>('GET', '/tills', { token: (await newUser('manager')).accessToken });
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.body.tills.find((t) => t.id === created.body.till.id), created.body.till);
      assert.ok(!JSON.stringify(listed.body).includes(created.body.key));
    });

    it('a code is never given twice, not even after its till is revoked: 409 TILL.CODE_TAKEN', async () => {
      const first = await newTill();
      const again = () => call('POST', '/tills', { token: admin, body: { code: first.till.code, outletId: 'OUTLET-2' } });
      assert.equal(errorOf((await again()).body).code, 'TILL.CODE_TAKEN');
      await call('POST', `/tills/${first.till.id}/revoke`, { token: admin });
      const reply = await again();
      assert.equal(reply.status, 409);
      assert.equal(errorOf(reply.body).code, 'TILL.CODE_TAKEN');
    });
  });

  describe('logging in at a till', () => {
    it('puts the till claim in the access token; every service reads it (Principal.till), and GET /tills/current answers the till', async () => {
      const cashier = await newUser('cashier');
      const registered = await newTill('OUTLET-3');
      const reply = await loginAt(atTill(registered), cashier.user.email, cashier.password);
      assert.equal(reply.status, 200);
      const claim = { id: registered.till.id, code: registered.till.code, outletId: 'OUTLET-3' };
      assert.deepEqual(decodeJwt(reply.body.accessToken).till, claim);
      const whoami = await call<{ till?: unknown }>('GET', `${service('order').url}/whoami`, { token: reply.body.accessToken });
      assert.deepEqual(whoami.body.till, claim);
      const current = await call<Till>('GET', '/tills/current', { token: reply.body.accessToken });
      assert.equal(current.status, 200);
      assert.deepEqual(current.body, registered.till);
    });

    it('without the till headers the token names no till, and GET /tills/current answers 403 TILL.REQUIRED', async () => {
      const cashier = await newUser('cashier');
      assert.equal(decodeJwt(cashier.accessToken).till, undefined);
      const reply = await call('GET', '/tills/current', { token: cashier.accessToken });
      assert.equal(reply.status, 403);
      assert.equal(errorOf(reply.body).code, 'TILL.REQUIRED');
    });

    it('a wrong key and an unknown till get the same 401 TILL.UNKNOWN, even with the right password', async () => {
      const cashier = await newUser('cashier');
      const registered = await newTill();
      const wrongKey = await loginAt({ ...atTill(registered), 'x-till-key': 'not-the-key' }, cashier.user.email, cashier.password);
      const unknown = await loginAt({ 'x-till-id': randomUUID(), 'x-till-key': registered.key }, cashier.user.email, cashier.password);
      assert.equal(wrongKey.status, 401);
      assert.equal(errorOf(wrongKey.body).code, 'TILL.UNKNOWN');
      assert.deepEqual(unknown.body, wrongKey.body);
    });

    it('a revoked till gets 403 TILL.REVOKED, and GET /tills/current shows its token\'s till revoked', async () => {
      const cashier = await newUser('cashier');
      const registered = await newTill();
      const earlier = await loginAt(atTill(registered), cashier.user.email, cashier.password);
      await call('POST', `/tills/${registered.till.id}/revoke`, { token: admin });
      const reply = await loginAt(atTill(registered), cashier.user.email, cashier.password);
      assert.equal(reply.status, 403);
      assert.equal(errorOf(reply.body).code, 'TILL.REVOKED');
      const current = await call<Till>('GET', '/tills/current', { token: earlier.body.accessToken });
      assert.ok(current.body.revokedAt);
    });

    for (const [what, headers, field] of [
      ['X-Till-Id without X-Till-Key', { 'x-till-id': randomUUID() }, 'headers.x-till-key'],
      ['X-Till-Key without X-Till-Id', { 'x-till-key': 'some-key' }, 'headers.x-till-id'],
      ['an X-Till-Id that is not a UUID', { 'x-till-id': 'till-1', 'x-till-key': 'some-key' }, 'headers.x-till-id'],
    ] as const) {
      it(`rejects ${what} with a 400 naming ${field}, at login and at refresh`, async () => {
        for (const reply of [await loginAt(headers, 'a@shop.test', 'some password'), await refreshAt(headers, 'some-token')]) {
          assert.equal(reply.status, 400);
          assert.deepEqual(errorOf(reply.body).details?.map((d) => d.field), [field]);
        }
      });
    }
  });

  describe('refreshing at a till', () => {
    let cashier: Session & { password: string };
    let registered: RegisteredTill;
    let session: Session;
    beforeEach(async () => {
      cashier ??= await newUser('cashier');
      registered = await newTill();
      session = (await loginAt(atTill(registered), cashier.user.email, cashier.password)).body;
    });

    it('with the same till\'s headers gives a pair whose access token names the till again', async () => {
      const reply = await refreshAt(atTill(registered), session.refreshToken);
      assert.equal(reply.status, 200);
      assert.equal((decodeJwt(reply.body.accessToken).till as { id: string }).id, registered.till.id);
      assert.equal((await refreshAt(atTill(registered), reply.body.refreshToken)).status, 200);
    });

    it('without the headers, or with another till\'s, is refused with 401 TILL.MISMATCH and spends nothing: the till\'s own refresh then works', async () => {
      const other = await newTill();
      for (const headers of [{}, atTill(other)]) {
        const reply = await refreshAt(headers, session.refreshToken);
        assert.equal(reply.status, 401);
        assert.equal(errorOf(reply.body).code, 'TILL.MISMATCH');
      }
      // Still unused (a used one would also answer the till within the retry window, with the sealed pair).
      const { rows } = await statePool.query<{ used: boolean }>(
        "SELECT (value->>'used')::boolean AS used FROM dapr_state WHERE key = $1", [`user||${tokenKey(session.refreshToken)}`]);
      assert.deepEqual(rows, [{ used: false }]);
      assert.equal((await refreshAt(atTill(registered), session.refreshToken)).status, 200);
    });

    it('a session started elsewhere does not become a till\'s: its refresh with till headers gets 401 TILL.MISMATCH', async () => {
      const elsewhere = await newUser('cashier');
      const reply = await refreshAt(atTill(registered), elsewhere.refreshToken);
      assert.equal(reply.status, 401);
      assert.equal(errorOf(reply.body).code, 'TILL.MISMATCH');
    });

    it('a wrong key gets 401 TILL.UNKNOWN, and once the till is revoked its sessions get 403 TILL.REVOKED', async () => {
      const wrongKey = await refreshAt({ ...atTill(registered), 'x-till-key': 'not-the-key' }, session.refreshToken);
      assert.equal(errorOf(wrongKey.body).code, 'TILL.UNKNOWN');
      await call('POST', `/tills/${registered.till.id}/revoke`, { token: admin });
      const reply = await refreshAt(atTill(registered), session.refreshToken);
      assert.equal(reply.status, 403);
      assert.equal(errorOf(reply.body).code, 'TILL.REVOKED');
    });
  });

  describe('revoking', () => {
    it('answers the revoked till and publishes pos.till.revoked.v1 on pos.tills with its id, code, outlet and time', async () => {
      const registered = await newTill('OUTLET-9');
      const reply = await call<Till>('POST', `/tills/${registered.till.id}/revoke`, { token: (await newUser('manager')).accessToken });
      assert.equal(reply.status, 200);
      assert.ok(reply.body.revokedAt);
      assert.deepEqual({ ...reply.body, revokedAt: null }, registered.till);
      const event = await findOnTopic('pos.tills', (e) => (e.data as { till?: { id?: string } })?.till?.id === registered.till.id);
      assert.equal(event.type, 'pos.till.revoked.v1');
      assert.deepEqual(event.data, { till: { id: registered.till.id, code: registered.till.code, outletId: 'OUTLET-9' }, revokedAt: reply.body.revokedAt });
    });

    it('is idempotent: revoking again, or three times at once, answers the same till and adds no second event', async () => {
      const registered = await newTill();
      const revoke = () => call<Till>('POST', `/tills/${registered.till.id}/revoke`, { token: admin });
      const replies = [...(await Promise.all([revoke(), revoke(), revoke()])), await revoke()];
      assert.deepEqual(replies.map((r) => r.status), [200, 200, 200, 200]);
      assert.equal(new Set(replies.map((r) => r.body.revokedAt)).size, 1);
      const { rows } = await pool.query(
        "SELECT 1 FROM outbox WHERE type = 'pos.till.revoked.v1' AND data->'till'->>'id' = $1", [registered.till.id]);
      assert.equal(rows.length, 1);
    });
  });

  describe('who may, and bad input', () => {
    let cashier: string;
    let registered: RegisteredTill;
    before(async () => {
      cashier = (await newUser('cashier')).accessToken;
      registered = await newTill();
    });

    const routes = () => [
      { method: 'POST', path: '/tills', body: { code: uniqueTillCode(), outletId: 'OUTLET-1' } },
      { method: 'GET', path: '/tills' },
      { method: 'POST', path: `/tills/${registered.till.id}/revoke` },
    ];

    it('a cashier gets 403 AUTH.FORBIDDEN on POST /tills, GET /tills and POST /tills/{id}/revoke (the till stays unrevoked)', async () => {
      for (const route of routes()) {
        const reply = await call(route.method, route.path, { token: cashier, body: route.body });
        assert.equal(reply.status, 403, `${route.method} ${route.path}`);
        assert.equal(errorOf(reply.body).code, 'AUTH.FORBIDDEN');
      }
      const listed = await call<{ tills: Till[] }>('GET', '/tills', { token: admin });
      assert.equal(listed.body.tills.find((t) => t.id === registered.till.id)?.revokedAt, null);
    });

    it('no token gets 401 AUTH.UNAUTHORIZED on every till route', async () => {
      for (const route of [...routes(), { method: 'GET', path: '/tills/current' }]) {
        const reply = await call(route.method, route.path, { body: (route as { body?: unknown }).body });
        assert.equal(reply.status, 401, `${route.method} ${route.path}`);
        assert.equal(errorOf(reply.body).code, 'AUTH.UNAUTHORIZED');
      }
    });

    for (const [what, body, fields] of [
      ['a code in lower case and an empty outlet', { code: 'till-1', outletId: '' }, ['body.code', 'body.outletId']],
      ['a code of 13 characters', { code: 'T'.repeat(13), outletId: 'OUTLET-1' }, ['body.code']],
      ['no code, and an empty name', { outletId: 'OUTLET-1', name: ' ' }, ['body.code', 'body.name']],
    ] as const) {
      it(`POST /tills with ${what} gets 400 naming ${fields.join(', ')}`, async () => {
        const reply = await call('POST', '/tills', { token: admin, body });
        assert.equal(reply.status, 400);
        assert.deepEqual(errorOf(reply.body).details?.map((d) => d.field).sort(), [...fields].sort());
      });
    }

    it('POST /tills/{id}/revoke with an id that is not a UUID gets 400 naming params.id; an unknown one 404 TILL.NOT_FOUND', async () => {
      const bad = await call('POST', '/tills/42/revoke', { token: admin });
      assert.equal(bad.status, 400);
      assert.deepEqual(errorOf(bad.body).details?.map((d) => d.field), ['params.id']);
      const unknown = await call('POST', `/tills/${randomUUID()}/revoke`, { token: admin });
      assert.equal(unknown.status, 404);
      assert.equal(errorOf(unknown.body).code, 'TILL.NOT_FOUND');
    });
  });
});

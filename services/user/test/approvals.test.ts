// Manager PINs and the approvals they give at a till, on the real stack.
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { asAdmin, call, callFrom, freshAddress, newUser } from './support.ts';

const MAX_FAILURES = 5; // LOGIN_MAX_FAILURES
const PIN = '4711';
const codeOf = (body: unknown) => (body as { error: { code: string } }).error.code;

async function managerWithPin(pin = PIN) {
  const manager = await newUser('manager', 'Mgr Ani');
  const set = await call('PUT', '/me/pin', { token: manager.accessToken, body: { pin } });
  assert.equal(set.status, 204, JSON.stringify(set.body));
  return manager;
}
const ask = (token: string | undefined, manager: string, pin: string, address = freshAddress()) =>
  callFrom<{ approval: string; expiresAt: string; approvedBy: { id: string; name: string } }>(address, 'POST', '/approvals', {
    ...(token && { token }), body: { manager, pin, action: 'refund', ref: 'order-42', amount: 25_000 },
  });

describe('manager PINs and approvals', function () {
  this.timeout(60_000);

  it('a manager sets a PIN of 4 to 8 digits; a cashier may not (403), nor anyone without a token (401)', async () => {
    const manager = await newUser('manager');
    const cashier = await newUser('cashier');
    const bad = await call('PUT', '/me/pin', { token: manager.accessToken, body: { pin: '12a4' } });
    assert.deepEqual([bad.status, codeOf(bad.body)], [400, 'REQUEST.INVALID']);
    assert.equal((await call('PUT', '/me/pin', { token: manager.accessToken, body: { pin: '123456' } })).status, 204);
    assert.equal((await call('PUT', '/me/pin', { token: cashier.accessToken, body: { pin: '123456' } })).status, 403);
    assert.equal((await call('PUT', '/me/pin', { body: { pin: '123456' } })).status, 401);
  });

  it('the right PIN gives the cashier a 2-minute approval of that action, ref and amount, which is no access token', async () => {
    const manager = await managerWithPin();
    const cashier = await newUser('cashier');
    const reply = await ask(cashier.accessToken, manager.user.email.toUpperCase(), PIN);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.deepEqual(reply.body.approvedBy, { id: manager.user.id, name: 'Mgr Ani' });
    const claims = decodeJwt(reply.body.approval);
    assert.deepEqual({ aud: claims.aud, sub: claims.sub, act: claims.act, ref: claims.ref, amt: claims.amt, req: claims.req, role: claims.role },
      { aud: 'pos-approval', sub: manager.user.id, act: 'refund', ref: 'order-42', amt: 25_000, req: cashier.user.id, role: 'manager' });
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 120);
    assert.equal(new Date(reply.body.expiresAt).getTime(), (claims.exp ?? 0) * 1000);
    assert.equal((await call('GET', '/me', { token: reply.body.approval })).status, 401, 'an approval is not an access token');
    assert.equal((await ask(cashier.accessToken, manager.user.id, PIN)).status, 201, 'the manager named by id');
  });

  it('a wrong PIN is 401; a cashier, an unknown manager or a manager without a PIN answer the same; without a token 401', async () => {
    const manager = await managerWithPin();
    const cashier = await newUser('cashier');
    const noPin = await newUser('manager');
    for (const [who, pin] of [[manager.user.email, '0000'], [cashier.user.email, PIN], ['nobody@shop.test', PIN], [noPin.user.email, PIN]] as const) {
      const reply = await ask(cashier.accessToken, who, pin);
      assert.deepEqual([reply.status, codeOf(reply.body)], [401, 'APPROVAL.WRONG_PIN'], who);
    }
    assert.equal((await ask(undefined, manager.user.email, PIN)).status, 401);
    const bad = await callFrom(freshAddress(), 'POST', '/approvals', { token: cashier.accessToken, body: { manager: manager.user.email, pin: PIN, action: 'anything', ref: 'x', amount: -1 } });
    assert.equal(bad.status, 400);
  });

  it('wrong PINs are throttled per manager account, from any address: after 5 the right PIN too is 429 until the window ends', async () => {
    const manager = await managerWithPin();
    const cashier = await newUser('cashier');
    for (let i = 0; i < MAX_FAILURES; i++) {
      const name = i % 2 === 0 ? manager.user.email : manager.user.id; // by email or id: one count
      assert.equal((await ask(cashier.accessToken, name, `99${i}0`)).status, 401);
    }
    const locked = await ask(cashier.accessToken, manager.user.email, PIN);
    assert.deepEqual([locked.status, codeOf(locked.body)], [429, 'APPROVAL.PIN_LOCKED']);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    const other = await managerWithPin();
    assert.equal((await ask(cashier.accessToken, other.user.email, PIN)).status, 201, 'another manager is not locked');
  });

  it('a right PIN starts the count again', async () => {
    const manager = await managerWithPin();
    const cashier = await newUser('cashier');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX_FAILURES - 1; i++) assert.equal((await ask(cashier.accessToken, manager.user.email, '0000')).status, 401);
      assert.equal((await ask(cashier.accessToken, manager.user.email, PIN)).status, 201);
    }
  });

  it('an admin clears a manager\'s PIN: it approves nothing more; a manager or cashier may not clear one (403), nor anyone without a token (401)', async () => {
    const manager = await managerWithPin();
    const cashier = await newUser('cashier');
    assert.equal((await call('DELETE', `/users/${manager.user.id}/pin`, { token: manager.accessToken })).status, 403);
    assert.equal((await call('DELETE', `/users/${manager.user.id}/pin`, { token: cashier.accessToken })).status, 403);
    assert.equal((await call('DELETE', `/users/${manager.user.id}/pin`)).status, 401);
    assert.equal((await call('DELETE', `/users/${manager.user.id}/pin`, { token: (await asAdmin()).accessToken })).status, 204);
    assert.equal((await ask(cashier.accessToken, manager.user.email, PIN)).status, 401);
  });

  it('a manager made a cashier loses their PIN', async () => {
    const manager = await managerWithPin();
    const cashier = await newUser('cashier');
    const demoted = await call('PUT', `/users/${manager.user.id}/role`, { token: (await asAdmin()).accessToken, body: { role: 'cashier' } });
    assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
    await call('PUT', `/users/${manager.user.id}/role`, { token: (await asAdmin()).accessToken, body: { role: 'manager' } });
    assert.equal((await ask(cashier.accessToken, manager.user.email, PIN)).status, 401);
  });
});

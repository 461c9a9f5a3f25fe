import assert from 'node:assert/strict';
import { createPool, type Pool } from '@pos/platform';
import { eventually, localSecret } from '@pos/platform/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { hashPassword } from '../src/domain/password.ts';
import { asAdmin, call, callFrom, freshAddress, newUser, uniqueEmail } from './support.ts';

describe('login', () => {
  let pool: Pool;
  before(() => { pool = createPool(localSecret('user-db-url'), { test: true }); });
  after(() => pool.end());

  it('with the right email and password gives an RS256 access token with the expected claims and a refresh token', async () => {
    const me = await newUser('manager', 'Mia Manager');
    const claims = decodeJwt(me.accessToken);
    assert.equal(decodeProtectedHeader(me.accessToken).alg, 'RS256');
    assert.equal(decodeProtectedHeader(me.accessToken).kid, localSecret('jwt-key-id'));
    assert.deepEqual(
      { sub: claims.sub, role: claims.role, name: claims.name, iss: claims.iss, aud: claims.aud },
      { sub: me.user.id, role: 'manager', name: 'Mia Manager', iss: 'pos-user', aud: 'pos' });
    assert.ok((claims.exp ?? 0) > Date.now() / 1000);
    assert.ok(me.refreshToken.length >= 40);
  });

  it('ignores the case of the email', async () => {
    const me = await newUser();
    const reply = await call('POST', '/auth/login', { body: { email: me.user.email.toUpperCase(), password: me.password } });
    assert.equal(reply.status, 200);
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const me = await newUser();
    const wrongPassword = await call('POST', '/auth/login', { body: { email: me.user.email, password: 'not the password' } });
    const unknownEmail = await call('POST', '/auth/login', { body: { email: uniqueEmail('nobody'), password: 'not the password' } });
    assert.equal(wrongPassword.status, 401);
    assert.deepEqual(wrongPassword.body, unknownEmail.body);
    assert.equal((wrongPassword.body.error as { code: string }).code, 'AUTH.INVALID_CREDENTIALS');
  });

  it('refuses a deactivated user with the same 401', async () => {
    const me = await newUser();
    await call('POST', `/users/${me.user.id}/deactivate`, { token: (await asAdmin()).accessToken });
    const reply = await call('POST', '/auth/login', { body: { email: me.user.email, password: me.password } });
    assert.equal(reply.status, 401);
    assert.equal((reply.body.error as { code: string }).code, 'AUTH.INVALID_CREDENTIALS');
  });

  it('after five wrong passwords locks the account: even the right password gets 429 with Retry-After', async () => {
    const me = await newUser();
    for (let attempt = 1; attempt <= 5; attempt++) {
      assert.equal((await call('POST', '/auth/login', { body: { email: me.user.email, password: `wrong ${attempt}` } })).status, 401);
    }
    const locked = await call('POST', '/auth/login', { body: { email: me.user.email, password: me.password } });
    assert.equal(locked.status, 429);
    assert.equal((locked.body.error as { code: string }).code, 'AUTH.LOCKED');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  });

  it('rehashes a password stored at N = 2^15 at the next login, at N = 2^17', async () => {
    const me = await newUser();
    const weak = await hashPassword(me.password, { logN: 15, r: 8, p: 1 });
    await pool.query('UPDATE users SET password_hash = $2 WHERE id = $1', [me.user.id, weak]);
    assert.equal((await call('POST', '/auth/login', { body: { email: me.user.email, password: me.password } })).status, 200);
    const { rows } = await pool.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [me.user.id]);
    assert.match(rows[0]?.password_hash ?? '', /^scrypt\$17\$8\$1\$/);
    assert.equal((await call('POST', '/auth/login', { body: { email: me.user.email, password: me.password } })).status, 200);
  });

  it('a login clears away the throttle rows whose window has ended, and keeps the others', async () => {
    const ended = `account:${uniqueEmail('ended')}|127.0.0.9`;
    const live = `account:${uniqueEmail('live')}|127.0.0.9`;
    await pool.query(`INSERT INTO login_throttle (key, attempts, window_ends) VALUES
      ($1, 5, now() - interval '1 minute'), ($2, 2, now() + interval '10 minutes')`, [ended, live]);
    const keysLeft = async () => (await pool.query<{ key: string }>('SELECT key FROM login_throttle WHERE key = ANY($1) ORDER BY key', [[ended, live]])).rows.map((row) => row.key);
    await eventually(async () => {
      assert.equal((await callFrom(freshAddress(), 'POST', '/auth/login', { body: { email: uniqueEmail(), password: 'whatever' } })).status, 401);
      assert.deepEqual(await keysLeft(), [live]);
    });
  });

  for (const [what, body, field] of [
    ['a missing password', { email: 'a@shop.test' }, 'body.password'],
    ['an email that is not one', { email: 'not-an-email', password: 'x' }, 'body.email'],
  ] as const) {
    it(`rejects ${what} with a 400 that names ${field}`, async () => {
      const reply = await call('POST', '/auth/login', { body });
      assert.equal(reply.status, 400);
      assert.deepEqual((reply.body.error as { details: { field: string }[] }).details.map((d) => d.field), [field]);
    });
  }
});

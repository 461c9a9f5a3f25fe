import assert from 'node:assert/strict';
import { createPool, type Pool } from '@pos/platform';
import { localSecret } from '@pos/platform/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { hashPassword } from '../src/domain/password.ts';
import { asAdmin, call, newUser, uniqueEmail } from './support.ts';

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

  it('rehashes a password stored with weaker scrypt parameters at the next login', async () => {
    const me = await newUser();
    const weak = await hashPassword(me.password, { logN: 10, r: 8, p: 1 });
    await pool.query('UPDATE users SET password_hash = $2 WHERE id = $1', [me.user.id, weak]);
    assert.equal((await call('POST', '/auth/login', { body: { email: me.user.email, password: me.password } })).status, 200);
    const { rows } = await pool.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [me.user.id]);
    assert.match(rows[0]?.password_hash ?? '', /^scrypt\$15\$8\$1\$/);
    assert.equal((await call('POST', '/auth/login', { body: { email: me.user.email, password: me.password } })).status, 200);
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

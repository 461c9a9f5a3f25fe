import assert from 'node:assert/strict';
import { createPool, type Pool } from '@pos/platform';
import { localSecret } from '@pos/platform/testing';
import { tokenKey } from '../src/store/session.store.ts';
import { asAdmin, call, newUser, type Session } from './support.ts';

const refresh = (refreshToken: string) => call<Session & { error?: { code: string } }>('POST', '/auth/refresh', { body: { refreshToken } });

describe('refresh tokens and sessions', () => {
  let statePool: Pool;
  let userPool: Pool;
  before(() => {
    statePool = createPool(localSecret('state-db-url'), { test: true });
    userPool = createPool(localSecret('user-db-url'), { test: true });
  });
  after(async () => { await statePool.end(); await userPool.end(); });

  it('a refresh gives a new pair, and the new refresh token works in turn', async () => {
    const me = await newUser();
    const second = await refresh(me.refreshToken);
    assert.equal(second.status, 200);
    assert.notEqual(second.body.refreshToken, me.refreshToken);
    assert.equal((await refresh(second.body.refreshToken)).status, 200);
  });

  it('a till retrying a refresh whose response was lost gets the same pair back, and the session goes on', async () => {
    const me = await newUser();
    const lost = await refresh(me.refreshToken);
    const retry = await refresh(me.refreshToken);
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, lost.body);
    assert.equal((await refresh(retry.body.refreshToken)).status, 200);
  });

  it('two exchanges of one token at the same time both get the same pair', async () => {
    const me = await newUser();
    const [first, second] = await Promise.all([refresh(me.refreshToken), refresh(me.refreshToken)]);
    assert.deepEqual([first?.status, second?.status], [200, 200]);
    assert.equal(first?.body.refreshToken, second?.body.refreshToken);
  });

  it('a refresh token sent again after its successor was used revokes the whole family, the newest token too', async () => {
    const me = await newUser();
    const rotated = await refresh(me.refreshToken);
    const newest = await refresh(rotated.body.refreshToken);
    assert.equal(newest.status, 200);
    const replay = await refresh(me.refreshToken);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.error?.code, 'AUTH.REFRESH_TOKEN_REUSED');
    assert.equal((await refresh(newest.body.refreshToken)).status, 401);
  });

  it('a refresh token sent again after the retry window revokes the whole family', async () => {
    const me = await newUser();
    const rotated = await refresh(me.refreshToken);
    // Age the stored exchange instead of waiting out REFRESH_RETRY_SECONDS.
    const aged = await statePool.query(
      `UPDATE dapr_state SET value = jsonb_set(value, '{exchange,retryUntil}', '"2000-01-01T00:00:00.000Z"') WHERE key = $1`,
      [`user||${tokenKey(me.refreshToken)}`]);
    assert.equal(aged.rowCount, 1);
    const replay = await refresh(me.refreshToken);
    assert.equal(replay.body.error?.code, 'AUTH.REFRESH_TOKEN_REUSED');
    assert.equal((await refresh(rotated.body.refreshToken)).status, 401);
  });

  it('refreshes racing a logout: no pair they return outlives the logout', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => newUser()));
    const raced = await Promise.all(users.map(async (me) => {
      const [refreshed] = await Promise.all([refresh(me.refreshToken), call('POST', '/auth/logout', { token: me.accessToken })]);
      return refreshed;
    }));
    for (const refreshed of raced.filter((reply) => reply.status === 200)) {
      assert.equal((await refresh(refreshed.body.refreshToken)).status, 401);
    }
  });

  it('a password change ends every session even while the state store is failing: the revocation commits with the database', async () => {
    const me = await newUser();
    // The state store's table is away: every state call of the sidecar fails for real.
    await statePool.query('ALTER TABLE dapr_state RENAME TO dapr_state_away');
    let changed;
    try {
      changed = await call('POST', '/me/password', { token: me.accessToken, body: { currentPassword: me.password, newPassword: 'a brand new secret' } });
    } finally {
      await statePool.query('ALTER TABLE dapr_state_away RENAME TO dapr_state');
    }
    assert.equal(changed.status, 204);
    const { rows } = await userPool.query<{ session_generation: number }>('SELECT session_generation FROM users WHERE id = $1', [me.user.id]);
    assert.equal(rows[0]?.session_generation, 1);
    assert.equal((await refresh(me.refreshToken)).status, 401);
  });

  it('after logout no refresh token of the user works, on any device', async () => {
    const me = await newUser();
    const otherDevice = await call<Session>('POST', '/auth/login', { body: { email: me.user.email, password: me.password } });
    assert.equal((await call('POST', '/auth/logout', { token: me.accessToken })).status, 204);
    assert.equal((await refresh(me.refreshToken)).status, 401);
    assert.equal((await refresh(otherDevice.body.refreshToken)).status, 401);
  });

  it('a deactivated user\'s refresh fails at once', async () => {
    const me = await newUser();
    const admin = await asAdmin();
    assert.equal((await call('POST', `/users/${me.user.id}/deactivate`, { token: admin.accessToken })).status, 200);
    const reply = await refresh(me.refreshToken);
    assert.equal(reply.status, 401);
  });

  it('an unknown refresh token is a 401', async () => {
    assert.equal((await refresh('not-a-token-we-issued')).status, 401);
  });
});

describe('your own account', () => {
  it('shows and renames the caller', async () => {
    const me = await newUser('cashier', 'Old Name');
    assert.equal((await call('GET', '/me', { token: me.accessToken })).body.name, 'Old Name');
    const renamed = await call('PATCH', '/me', { token: me.accessToken, body: { name: 'New Name' } });
    assert.equal(renamed.body.name, 'New Name');
  });

  it('changing the password needs the current one', async () => {
    const me = await newUser();
    const wrong = await call('POST', '/me/password', { token: me.accessToken, body: { currentPassword: 'guess', newPassword: 'a brand new secret' } });
    assert.equal(wrong.status, 403);
    assert.equal((wrong.body.error as { code: string }).code, 'USER.WRONG_PASSWORD');
  });

  it('a changed password works, the old one does not, and other sessions end', async () => {
    const me = await newUser();
    const changed = await call('POST', '/me/password', { token: me.accessToken, body: { currentPassword: me.password, newPassword: 'a brand new secret' } });
    assert.equal(changed.status, 204);
    assert.equal((await call('POST', '/auth/login', { body: { email: me.user.email, password: me.password } })).status, 401);
    assert.equal((await call('POST', '/auth/login', { body: { email: me.user.email, password: 'a brand new secret' } })).status, 200);
    assert.equal((await refresh(me.refreshToken)).status, 401);
  });

  it('a new password that is too short is a 400 naming newPassword', async () => {
    const me = await newUser();
    const reply = await call('POST', '/me/password', { token: me.accessToken, body: { currentPassword: me.password, newPassword: 'short' } });
    assert.equal(reply.status, 400);
    assert.deepEqual((reply.body.error as { details: { field: string }[] }).details.map((d) => d.field), ['body.newPassword']);
  });
});

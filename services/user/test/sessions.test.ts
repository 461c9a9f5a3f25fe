import assert from 'node:assert/strict';
import { asAdmin, call, newUser, type Session } from './support.ts';

const refresh = (refreshToken: string) => call<Session & { error?: { code: string } }>('POST', '/auth/refresh', { body: { refreshToken } });

describe('refresh tokens and sessions', () => {
  it('a refresh gives a new pair, and the new refresh token works in turn', async () => {
    const me = await newUser();
    const second = await refresh(me.refreshToken);
    assert.equal(second.status, 200);
    assert.notEqual(second.body.refreshToken, me.refreshToken);
    assert.equal((await refresh(second.body.refreshToken)).status, 200);
  });

  it('a refresh token used twice revokes the whole session family, the newest token too', async () => {
    const me = await newUser();
    const rotated = await refresh(me.refreshToken);
    assert.equal(rotated.status, 200);
    const replay = await refresh(me.refreshToken);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.error?.code, 'AUTH.REFRESH_TOKEN_REUSED');
    assert.equal((await refresh(rotated.body.refreshToken)).status, 401);
  });

  it('two exchanges of one token at the same time: at most one succeeds', async () => {
    const me = await newUser();
    const replies = await Promise.all([refresh(me.refreshToken), refresh(me.refreshToken)]);
    assert.ok(replies.filter((reply) => reply.status === 200).length <= 1, replies.map((r) => r.status).join(','));
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

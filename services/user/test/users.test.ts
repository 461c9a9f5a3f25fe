import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createPool, type Pool } from '@pos/platform';
import { findOnTopic, localSecret } from '@pos/platform/testing';
import { asAdmin, call, newUser, uniqueEmail } from './support.ts';

type User = { id: string; name: string; email: string; role: string; active: boolean };
const errorOf = (body: unknown) => (body as { error: { code: string; details?: { field: string }[] } }).error;

describe('managing users', function () {
  this.timeout(60_000);
  let pool: Pool;
  let admin: string;
  before(async () => {
    pool = createPool(localSecret('user-db-url'), { test: true });
    admin = (await asAdmin()).accessToken;
  });
  after(() => pool.end());

  const create = (body: object, token = admin) => call<User>('POST', '/users', { token, body });

  it('an admin creates a user: 201, an audit row, and a user-created event on Kafka', async () => {
    const email = uniqueEmail('new');
    const reply = await create({ name: 'Nia', email, role: 'cashier', password: 'long enough secret' });
    assert.equal(reply.status, 201);
    assert.deepEqual({ ...reply.body, id: undefined, createdAt: undefined, updatedAt: undefined },
      { id: undefined, name: 'Nia', email, role: 'cashier', active: true, createdAt: undefined, updatedAt: undefined });
    const audit = await pool.query('SELECT action FROM user_audit WHERE user_id = $1', [reply.body.id]);
    assert.deepEqual(audit.rows, [{ action: 'created' }]);
    const event = await findOnTopic('pos.users', (e) => (e.data as { userId?: string })?.userId === reply.body.id);
    assert.equal(event.type, 'pos.user.created.v1');
  });

  it('an email taken in another case is a 409', async () => {
    const email = uniqueEmail('dup');
    assert.equal((await create({ name: 'A', email, role: 'cashier', password: 'long enough secret' })).status, 201);
    const again = await create({ name: 'B', email: email.toUpperCase(), role: 'cashier', password: 'long enough secret' });
    assert.equal(again.status, 409);
    assert.equal(errorOf(again.body).code, 'USER.EMAIL_TAKEN');
  });

  it('managers and cashiers cannot create users (403); nobody without a token can (401)', async () => {
    const body = { name: 'X', email: uniqueEmail(), role: 'admin', password: 'long enough secret' };
    assert.equal((await create(body, (await newUser('manager')).accessToken)).status, 403);
    assert.equal((await create(body, (await newUser('cashier')).accessToken)).status, 403);
    assert.equal((await call('POST', '/users', { body })).status, 401);
  });

  it('a bad new user is a 400 that names each wrong field', async () => {
    const reply = await create({ name: '', email: 'nope', role: 'owner', password: 'short' });
    assert.equal(reply.status, 400);
    assert.deepEqual(errorOf(reply.body).details?.map((d) => d.field).sort(), ['body.email', 'body.name', 'body.password', 'body.role']);
  });

  it('lists users a page at a time, searching name or email', async () => {
    const tag = `tag${randomUUID().slice(0, 8)}`;
    for (const name of ['Ada', 'Bea', 'Cy']) {
      assert.equal((await create({ name: `${name} ${tag}`, email: uniqueEmail(), role: 'cashier', password: 'long enough secret' })).status, 201);
    }
    const manager = (await newUser('manager')).accessToken;
    const first = await call<{ items: User[]; total: number }>('GET', `/users?q=${tag}&limit=2`, { token: manager });
    assert.equal(first.body.total, 3);
    assert.deepEqual(first.body.items.map((u) => u.name), [`Ada ${tag}`, `Bea ${tag}`]);
    const second = await call<{ items: User[] }>('GET', `/users?q=${tag}&limit=2&offset=2`, { token: manager });
    assert.deepEqual(second.body.items.map((u) => u.name), [`Cy ${tag}`]);
    const byEmailPart = await call<{ items: User[] }>('GET', `/users?q=${encodeURIComponent(first.body.items[0]?.email.slice(0, 20) ?? '')}`, { token: manager });
    assert.equal(byEmailPart.body.items.length, 1);
  });

  it('a page size out of range is a 400 naming the query field', async () => {
    const reply = await call('GET', '/users?limit=0', { token: admin });
    assert.equal(reply.status, 400);
    assert.deepEqual(errorOf(reply.body).details?.map((d) => d.field), ['query.limit']);
  });

  it('cashiers cannot list users', async () => {
    assert.equal((await call('GET', '/users', { token: (await newUser('cashier')).accessToken })).status, 403);
  });

  it('gets one user; an unknown id is a 404 and a malformed one a 400', async () => {
    const someone = await newUser();
    assert.equal((await call<User>('GET', `/users/${someone.user.id}`, { token: admin })).body.email, someone.user.email);
    const missing = await call('GET', `/users/${randomUUID()}`, { token: admin });
    assert.equal(missing.status, 404);
    assert.equal(errorOf(missing.body).code, 'USER.NOT_FOUND');
    assert.equal((await call('GET', '/users/not-a-uuid', { token: admin })).status, 400);
  });

  it('renames a user, with an audit row', async () => {
    const someone = await newUser();
    const reply = await call<User>('PATCH', `/users/${someone.user.id}`, { token: admin, body: { name: 'Renamed' } });
    assert.equal(reply.body.name, 'Renamed');
    assert.equal((await call<User>('GET', `/users/${someone.user.id}`, { token: admin })).body.name, 'Renamed'); // kept, not only answered
    const audit = await pool.query('SELECT action, changes FROM user_audit WHERE user_id = $1 ORDER BY seq', [someone.user.id]);
    assert.deepEqual(audit.rows.at(-1), { action: 'renamed', changes: { name: 'Renamed' } });
  });

  it('changes a role: the next token carries it, and a role-changed event is published', async () => {
    const someone = await newUser('cashier');
    const reply = await call<User>('PUT', `/users/${someone.user.id}/role`, { token: admin, body: { role: 'manager' } });
    assert.equal(reply.body.role, 'manager');
    const relogin = await call<{ user: User }>('POST', '/auth/login', { body: { email: someone.user.email, password: someone.password } });
    assert.equal(relogin.body.user.role, 'manager');
    const event = await findOnTopic('pos.users', (e) => e.type === 'pos.user.role-changed.v1' && (e.data as { userId?: string }).userId === someone.user.id);
    assert.deepEqual({ role: (event.data as { role: string }).role, previousRole: (event.data as { previousRole: string }).previousRole }, { role: 'manager', previousRole: 'cashier' });
  });

  it('an unknown role is a 400; changing your own role or deactivating yourself is a 409', async () => {
    const someone = await newUser();
    assert.equal((await call('PUT', `/users/${someone.user.id}/role`, { token: admin, body: { role: 'owner' } })).status, 400);
    const otherAdmin = await newUser('admin');
    const ownRole = await call('PUT', `/users/${otherAdmin.user.id}/role`, { token: otherAdmin.accessToken, body: { role: 'cashier' } });
    assert.equal(ownRole.status, 409);
    assert.equal(errorOf(ownRole.body).code, 'USER.SELF_CHANGE');
    assert.equal((await call('POST', `/users/${otherAdmin.user.id}/deactivate`, { token: otherAdmin.accessToken })).status, 409);
    // Read back: the refused changes changed nothing.
    const [someoneNow, otherAdminNow] = await Promise.all([someone, otherAdmin].map(async (user) => (await call<User>('GET', `/users/${user.user.id}`, { token: admin })).body));
    assert.deepEqual([someoneNow?.role, otherAdminNow?.role, otherAdminNow?.active], [someone.user.role, 'admin', true]);
  });

  it('deactivating publishes user-deactivated; only admins may', async () => {
    const someone = await newUser();
    const activeNow = async () => (await call<User>('GET', `/users/${someone.user.id}`, { token: admin })).body.active;
    assert.equal((await call('POST', `/users/${someone.user.id}/deactivate`, { token: (await newUser('manager')).accessToken })).status, 403);
    assert.equal(await activeNow(), true);
    const reply = await call<User>('POST', `/users/${someone.user.id}/deactivate`, { token: admin });
    assert.deepEqual([reply.body.active, await activeNow()], [false, false]);
    await findOnTopic('pos.users', (e) => e.type === 'pos.user.deactivated.v1' && (e.data as { userId?: string }).userId === someone.user.id);
  });
});

// The user service when PostgreSQL drops or refuses its connections (a restart, a failover).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPool, type Pool } from '@pos/platform';
import { eventually, localSecret } from '@pos/platform/testing';
import { appLogFile, listenerPid, service } from '../../../tests/support/stack.ts';
import { call, login } from './support.ts';

const user = service('user');
const database = new URL(localSecret('user-db-url')).pathname.slice(1);

describe('user service: PostgreSQL faults', () => {
  // The superuser, on the server's maintenance database, so it is not cut off itself.
  let admin: Pool;
  before(() => { admin = createPool(localSecret('postgres-url')); });
  after(async () => {
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await admin.end();
  });

  const dropAppConnections = async () => (await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'user'", [database],
  )).rowCount;

  it('when PostgreSQL drops its connections, the app stays up and login works again', async () => {
    await login(localSecret('admin-email'), localSecret('admin-password')); // leaves idle connections in the pool
    const pid = listenerPid(user.http);
    assert.ok(pid, 'the user app listens');

    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'user'", [database]);
    assert.ok(rows.length > 0, 'the app had connections to drop');
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [rows.map((row) => row.pid)]);
    // Once those backends are gone, the app has been told on each idle connection: the next
    // request comes after that news, not before it (which would hide a crash).
    await eventually(async () => {
      const left = await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [rows.map((row) => row.pid)]);
      assert.equal(left.rowCount, 0);
    });

    await eventually(() => login(localSecret('admin-email'), localSecret('admin-password')));
    assert.equal(listenerPid(user.http), pid, 'the same process still serves');
  });

  it('while its database refuses connections, /readyz is 503 naming only the database, the cause is logged, and it is ready again after', async () => {
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    try {
      await dropAppConnections();
      const notReady = await eventually(async () => {
        const reply = await call<{ error: { code: string; details: unknown } }>('GET', '/readyz');
        assert.equal(reply.status, 503);
        return reply;
      });
      assert.equal(notReady.body.error.code, 'SERVICE.NOT_READY');
      assert.deepEqual(notReady.body.error.details, { database: 'unavailable', sidecar: 'ok' });
      assert.doesNotMatch(JSON.stringify(notReady.body), /accepting connections|pos_user/);
      // The raw cause is in the app's own log, for whoever runs it.
      await eventually(async () => assert.match(readFileSync(appLogFile('user'), 'utf8'), /database: database \\?"pos_user\w*\\?" is not currently accepting connections/));
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    }
    await eventually(async () => assert.equal((await call('GET', '/readyz')).status, 200));
  });
});

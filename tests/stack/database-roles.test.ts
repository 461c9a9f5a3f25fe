import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { localSecret as secret } from '@pos/platform/testing';

const databaseKeys = ['user-db-url', 'inventory-db-url', 'order-db-url', 'state-db-url', 'probe-db-url'];
const createDatabases = new URL('../../scripts/lib/create-databases.ts', import.meta.url).pathname;

/** Runs a few queries on one connection and closes it. */
async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One secret's URL aimed at another database: same role and password. */
function sameRoleOn(key: string, otherKey: string): string {
  const url = new URL(secret(key));
  url.pathname = new URL(secret(otherKey)).pathname;
  return url.toString();
}

const refused = (code: string) => (error: unknown) => (error as { code?: string }).code === code;

describe('each service database has a login role of its own', () => {
  it('no service URL uses a superuser: each is a plain login role that owns its database', async () => {
    const roles = new Set<string>();
    for (const key of databaseKeys) {
      const { role, ...grants } = await withClient(secret(key), async (client) => (await client.query<Record<string, unknown>>(`
        SELECT current_user AS role, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls,
               pg_get_userbyid(d.datdba) = current_user AS owns_database
          FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`)).rows[0] ?? {});
      assert.deepEqual(grants, {
        rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false, owns_database: true,
      }, `${key} connects as ${String(role)}`);
      roles.add(String(role));
    }
    assert.equal(roles.size, databaseKeys.length, `one role per database: ${[...roles].join(', ')}`);
  });

  it('the user service\'s credentials cannot connect to the order database', async () => {
    await assert.rejects(withClient(sameRoleOn('user-db-url', 'order-db-url'), async () => undefined), refused('42501'));
  });

  it('no service role can connect to another service\'s database', async () => {
    for (const key of databaseKeys) {
      for (const other of databaseKeys.filter((candidate) => candidate !== key)) {
        await assert.rejects(withClient(sameRoleOn(key, other), async () => undefined), refused('42501'), `${key} on ${other}`);
      }
    }
  });

  it('the user service\'s credentials cannot run a shell command with COPY ... PROGRAM', async () => {
    await withClient(secret('user-db-url'), async (client) => {
      await assert.rejects(client.query(`COPY (SELECT 1) TO PROGRAM 'true'`), refused('42501'));
    });
  });

  it('provisioning moves a table the superuser made in a service database to that service\'s role', async () => {
    const table = `legacy_${randomUUID().replaceAll('-', '')}`;
    const superuserOnOrder = new URL(secret('postgres-url'));
    superuserOnOrder.pathname = new URL(secret('order-db-url')).pathname;
    await withClient(superuserOnOrder.toString(), (client) => client.query(`CREATE TABLE ${table} (id serial PRIMARY KEY)`));
    try {
      execFileSync(process.execPath, [createDatabases], { env: process.env, stdio: 'pipe' });
      await withClient(secret('order-db-url'), async (client) => {
        const { rows } = await client.query(`SELECT tableowner FROM pg_tables WHERE tablename = $1`, [table]);
        const orderRole = new URL(secret('order-db-url')).username;
        assert.notEqual(orderRole, new URL(secret('postgres-url')).username, 'the order service has a role of its own');
        assert.deepEqual(rows, [{ tableowner: orderRole }]);
        await client.query(`INSERT INTO ${table} DEFAULT VALUES`); // its sequence moved along with it
      });
    } finally {
      await withClient(superuserOnOrder.toString(), (client) => client.query(`DROP TABLE IF EXISTS ${table}`));
    }
  });
});

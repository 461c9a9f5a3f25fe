import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '@pos/platform';
import { localSecret } from '@pos/platform/testing';

const schemas: string[] = [];

/** A pool whose tables live in a schema of their own (in the probe's test database), so each test starts from nothing. */
async function freshSchema(): Promise<pg.Pool> {
  const schema = `migrate_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((admin) => admin.query(`CREATE SCHEMA ${schema}`));
  schemas.push(schema);
  return new pg.Pool({ connectionString: localSecret('probe-db-url'), max: 4, options: `-c search_path=${schema}` });
}

async function withAdmin(work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: localSecret('probe-db-url') });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pos-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

const tableExists = async (pool: pg.Pool, table: string) =>
  (await pool.query('SELECT to_regclass($1) AS found', [table])).rows[0].found !== null;
const recorded = async (pool: pg.Pool) =>
  (await pool.query<{ name: string }>("SELECT name FROM schema_migrations WHERE name LIKE 'service/%' ORDER BY name")).rows.map((r) => r.name);

describe('migrate', () => {
  const pools: pg.Pool[] = [];
  const dirs: string[] = [];
  const setUp = async (files: Record<string, string>) => {
    const pool = await freshSchema();
    const dir = migrationsDir(files);
    pools.push(pool);
    dirs.push(dir);
    return { pool, dir };
  };
  after(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await withAdmin((admin) => admin.query(schemas.map((schema) => `DROP SCHEMA ${schema} CASCADE;`).join('\n')));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('when the second file fails, the first stays applied and recorded, and nothing of the second is left', async () => {
    const { pool, dir } = await setUp({
      '001-first.sql': 'CREATE TABLE first_table (id int);',
      '002-broken.sql': 'CREATE TABLE second_table (id int); SELECT 1 / 0;',
    });
    await assert.rejects(migrate(pool, dir), /service\/002-broken\.sql failed: division by zero/);
    assert.equal(await tableExists(pool, 'first_table'), true);
    assert.equal(await tableExists(pool, 'second_table'), false);
    assert.deepEqual(await recorded(pool), ['service/001-first.sql']);
  });

  it('an applied file edited afterwards is refused by name, and nothing else is applied', async () => {
    const { pool, dir } = await setUp({ '001-first.sql': 'CREATE TABLE first_table (id int);' });
    await migrate(pool, dir);
    writeFileSync(join(dir, '001-first.sql'), 'CREATE TABLE first_table (id int, extra text);');
    writeFileSync(join(dir, '002-next.sql'), 'CREATE TABLE next_table (id int);');
    await assert.rejects(migrate(pool, dir), /applied migrations were edited since: service\/001-first\.sql/);
    assert.equal(await tableExists(pool, 'next_table'), false);
  });

  it('a schema_migrations table from before checksums is upgraded in place: nothing is re-applied, later edits are refused', async () => {
    const { pool, dir } = await setUp({ '001-first.sql': 'CREATE TABLE first_table (id int);' });
    // Every file applied, recorded as the code before checksums recorded them.
    await migrate(pool, dir);
    await pool.query('ALTER TABLE schema_migrations DROP COLUMN checksum');
    assert.deepEqual(await migrate(pool, dir), [], 'every file counts as applied');
    const { rows } = await pool.query('SELECT count(*)::int AS missing FROM schema_migrations WHERE checksum IS NULL');
    assert.equal(rows[0].missing, 0);
    writeFileSync(join(dir, '001-first.sql'), 'CREATE TABLE first_table (id bigint);');
    await assert.rejects(migrate(pool, dir), /edited since: service\/001-first\.sql/);
  });

  it('two instances migrating at once apply each file once', async () => {
    const { pool, dir } = await setUp({ '001-first.sql': 'CREATE TABLE first_table (id int);', '002-next.sql': 'CREATE TABLE next_table (id int);' });
    const [one, two] = await Promise.all([migrate(pool, dir), migrate(pool, dir)]);
    const applied = [...(one ?? []), ...(two ?? [])].sort();
    assert.equal(new Set(applied).size, applied.length, `a file was applied twice: ${applied.join(', ')}`);
    assert.deepEqual(applied.filter((name) => name.startsWith('service/')), ['service/001-first.sql', 'service/002-next.sql']);
  });
});

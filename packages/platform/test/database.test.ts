// The PostgreSQL helpers against the real server: a connection cut mid-transaction, commit
// hooks, the pool's size.
import assert from 'node:assert/strict';
import { localSecret } from '@pos/platform/testing';
import { createPool, withTransaction, type Pool } from '../src/index.ts';
import { afterCommit } from '../src/postgres/database.ts';

describe('PostgreSQL connections', () => {
  let pool: Pool;
  beforeEach(() => { pool = createPool(localSecret('probe-db-url'), { test: true }); });
  afterEach(() => pool.end());

  it('when the server cuts a connection inside a transaction, the transaction fails, the process lives on and the connection is not reused', async () => {
    // Without a listener on the checked-out client, the cut would be an unhandled 'error'
    // event that ends this process.
    const outcome = await withTransaction(pool, async (tx) => {
      await tx.query('SELECT 1');
      await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
    }).then(() => 'committed', (error: Error) => error.message);

    assert.match(outcome, /terminat/);
    assert.equal(pool.totalCount, 0, 'the broken connection was closed, not given back to the pool');
    const { rows } = await pool.query<{ answer: number }>('SELECT 1 AS answer');
    assert.equal(rows[0]?.answer, 1);
  });

  it('a commit hook runs after its transaction commits, never after a rollback, and not in the connection\'s next transaction', async () => {
    const one = createPool(localSecret('probe-db-url'), { test: true });
    try {
      one.options.max = 1; // every transaction below gets the same connection
      const ran: string[] = [];
      await withTransaction(one, async (tx) => { afterCommit(tx, () => ran.push('committed')); });
      await assert.rejects(withTransaction(one, async (tx) => {
        afterCommit(tx, () => ran.push('rolled back'));
        throw new Error('the change failed');
      }), /the change failed/);
      await withTransaction(one, async (tx) => { await tx.query('SELECT 1'); });
      assert.deepEqual(ran, ['committed']);
    } finally {
      await one.end();
    }
  });
});

describe('PostgreSQL pool size', () => {
  const before = process.env.PG_POOL_MAX;
  afterEach(() => { if (before === undefined) delete process.env.PG_POOL_MAX; else process.env.PG_POOL_MAX = before; });

  const connectionsOpenedFor = async (queries: number): Promise<number> => {
    const pool = createPool(localSecret('probe-db-url'), { test: true });
    try {
      await Promise.all(Array.from({ length: queries }, () => pool.query('SELECT pg_sleep(0.05)')));
      return pool.totalCount;
    } finally {
      await pool.end();
    }
  };

  it('with PG_POOL_MAX=3, twelve concurrent queries share three connections; unset, they get ten', async () => {
    process.env.PG_POOL_MAX = '3';
    assert.equal(await connectionsOpenedFor(12), 3);
    delete process.env.PG_POOL_MAX;
    assert.equal(await connectionsOpenedFor(12), 10);
  });

  it('a PG_POOL_MAX that is not a whole number of at least 1 is refused when the pool is made', () => {
    for (const bad of ['0', '2.5', 'ten']) {
      process.env.PG_POOL_MAX = bad;
      assert.throws(() => createPool(localSecret('probe-db-url'), { test: true }), /PG_POOL_MAX/);
    }
  });
});

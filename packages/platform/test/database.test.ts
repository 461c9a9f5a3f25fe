// The PostgreSQL helpers against the real server: a connection cut mid-transaction.
import assert from 'node:assert/strict';
import { localSecret } from '@pos/platform/testing';
import { createPool, withTransaction, type Pool } from '../src/index.ts';

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
});

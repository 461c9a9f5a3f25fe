import pg from 'pg';
import { createLogger } from '../logging/logger.ts';

export type Pool = pg.Pool;
export type Transaction = pg.PoolClient;

/** The server cancels a statement that runs longer, so a runaway query cannot hold a connection. */
const STATEMENT_TIMEOUT_MS = 30_000;
/** Waiting for a connection to a database that is away fails instead of hanging the request. */
const CONNECT_TIMEOUT_MS = 5_000;
/** TCP keep-alive notices a peer that vanished without closing (failover, network cut). */
const KEEP_ALIVE_DELAY_MS = 10_000;
/** Connections per pool unless PG_POOL_MAX says otherwise. */
const DEFAULT_POOL_MAX = 10;

function poolMax(): number {
  const raw = process.env.PG_POOL_MAX;
  if (raw === undefined || raw === '') return DEFAULT_POOL_MAX;
  const max = Number(raw);
  if (!Number.isInteger(max) || max < 1) throw new Error(`PG_POOL_MAX must be a whole number of at least 1, not ${raw}`);
  return max;
}

/** Refuses a test run against a database (of any store) whose name does not say it is one. */
export function refuseUnlessTestDatabase(name: string, test: boolean | undefined): void {
  if (test && !name.includes('test')) throw new Error(`refusing to use ${name} in a test: its name must contain "test"`);
}

export function createPool(connectionString: string, options: { test?: boolean } = {}): Pool {
  const name = new URL(connectionString).pathname.slice(1);
  refuseUnlessTestDatabase(name, options.test);
  const pool = new pg.Pool({
    connectionString,
    max: poolMax(),
    application_name: process.env.APP_ID ?? 'pos',
    statement_timeout: STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEP_ALIVE_DELAY_MS,
  });
  // PostgreSQL closing an idle connection (restart, failover, pg_terminate_backend) is emitted
  // here, and an 'error' event without a listener ends the process. The pool has already
  // dropped that connection and opens a new one on the next query.
  const log = createLogger(process.env.APP_ID ?? 'pos').child({ component: 'postgres' });
  pool.on('error', (error) => log.warn({ err: error, database: name }, 'an idle PostgreSQL connection was lost; the pool opens a new one when needed'));
  return pool;
}

const commitHooks = new WeakMap<Transaction, ((pool: Pool) => void)[]>();

/** Runs `then` once withTransaction has committed `tx`; never when it rolls back. */
export function afterCommit(tx: Transaction, then: (pool: Pool) => void): void {
  const hooks = commitHooks.get(tx);
  if (hooks) hooks.push(then);
  else commitHooks.set(tx, [then]);
}

export async function withTransaction<T>(pool: Pool, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A checked-out connection reports its loss on the client, not the pool: without this
  // listener a connection cut between two statements would end the process.
  let broken: Error | undefined;
  const onError = (error: Error) => { broken = error; };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    for (const then of commitHooks.get(client) ?? []) then(pool);
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => { broken ??= rollbackError; });
    throw error;
  } finally {
    commitHooks.delete(client); // the pool hands this client to the next caller
    client.off('error', onError);
    // A connection that failed, or whose transaction may still be open, is closed rather
    // than handed to the next caller.
    client.release(broken);
  }
}

/** A readiness check. */
export const databaseAnswers = (pool: Pool) => async (): Promise<void> => {
  await pool.query('SELECT 1');
};

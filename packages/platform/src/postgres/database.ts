import pg from 'pg';

export type Pool = pg.Pool;
export type Transaction = pg.PoolClient;

/** Refuses a test run against a database whose name does not say it is one. */
export function createPool(connectionString: string, options: { test?: boolean } = {}): Pool {
  const name = new URL(connectionString).pathname.slice(1);
  if (options.test && !/test/.test(name)) throw new Error(`refusing to use ${name} in a test: its name must contain "test"`);
  return new pg.Pool({ connectionString, max: 10, application_name: process.env.APP_ID ?? 'pos' });
}

export async function withTransaction<T>(pool: Pool, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A readiness check. */
export const databaseAnswers = (pool: Pool) => async (): Promise<void> => {
  await pool.query('SELECT 1');
};

// The drivers' own errors for a server that is not there, made by really calling a closed port.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { MongoClient } from 'mongodb';
import pg from 'pg';
import { AppError, storeFailureAsAppError } from '../src/index.ts';

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const failureOf = async (work: () => Promise<unknown>): Promise<unknown> => work().then(() => assert.fail('it answered'), (error: unknown) => error);
const kindOf = (error: unknown) => {
  const mapped = storeFailureAsAppError(error);
  return mapped instanceof AppError ? [mapped.kind, mapped.code] : undefined;
};

describe('a store\'s failure as the edges answer it', () => {
  let port: number;
  before(async () => { port = await closedPort(); });

  it('PostgreSQL not listening is unavailable', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    assert.deepEqual(kindOf(await failureOf(() => client.connect())), ['unavailable', 'DEPENDENCY.UNAVAILABLE']);
  });

  it('a pool that cannot get a connection in time is unavailable', async () => {
    // A listener that never answers: the pool's connection timeout fires.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const pool = new pg.Pool({ host: '127.0.0.1', port: (silent.address() as { port: number }).port, user: 'x', database: 'x', connectionTimeoutMillis: 200 });
    try {
      assert.deepEqual(kindOf(await failureOf(() => pool.query('select 1'))), ['unavailable', 'DEPENDENCY.UNAVAILABLE']);
    } finally {
      await pool.end();
      silent.close();
    }
  });

  it('a value PostgreSQL refuses as data (SQLSTATE class 22) is the request\'s fault; another error is nobody\'s guess', () => {
    const refused = Object.assign(new pg.DatabaseError('invalid byte sequence for encoding "UTF8": 0x00', 0, 'error'), { code: '22021', severity: 'ERROR' });
    assert.deepEqual(kindOf(refused), ['validation', 'REQUEST.INVALID']);
    const constraint = Object.assign(new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error'), { code: '23505', severity: 'ERROR' });
    assert.equal(kindOf(constraint), undefined);
    assert.equal(kindOf(new TypeError('x is undefined')), undefined);
  });

  it('MongoDB not reachable is unavailable', async () => {
    const client = new MongoClient(`mongodb://127.0.0.1:${port}`, { serverSelectionTimeoutMS: 200 });
    try {
      assert.deepEqual(kindOf(await failureOf(() => client.db('x').collection('y').findOne({}))), ['unavailable', 'DEPENDENCY.UNAVAILABLE']);
    } finally {
      await client.close();
    }
  });

  it('Elasticsearch not reachable is unavailable', async () => {
    const client = new Elasticsearch({ node: `http://127.0.0.1:${port}`, maxRetries: 0 });
    try {
      assert.deepEqual(kindOf(await failureOf(() => client.count({ index: 'x' }))), ['unavailable', 'DEPENDENCY.UNAVAILABLE']);
    } finally {
      await client.close();
    }
  });
});

// npm test starts from empty test data, as on a new machine: the state directory outlives
// every run, and what earlier runs left (a thousand products, old search documents) would
// make later runs slower and their results depend on history. Drops only what is named as
// test data: the PostgreSQL and MongoDB databases ending in `_test`, and the Elasticsearch
// indices of the test alias. The apps must be stopped; create-databases.ts makes the
// PostgreSQL ones again.
import { readFileSync } from 'node:fs';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { MongoClient } from 'mongodb';
import pg from 'pg';

if (process.env.POS_ENV !== 'test') throw new Error('reset-test-data.ts clears test data only: run it with POS_ENV=test');
const secretsFile = process.env.POS_SECRETS_FILE;
if (!secretsFile) throw new Error('POS_SECRETS_FILE is not set');
const secrets: Record<string, string> = JSON.parse(readFileSync(secretsFile, 'utf8'));
const isTestName = (name: string) => name.endsWith('_test');

const postgres = new pg.Client({ connectionString: secrets['postgres-url'] });
await postgres.connect();
try {
  const { rows } = await postgres.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE '%\\_test'");
  for (const { datname } of rows.filter((row) => isTestName(row.datname))) {
    await postgres.query(`DROP DATABASE ${postgres.escapeIdentifier(datname)} WITH (FORCE)`);
  }
  console.log(`PostgreSQL: dropped ${rows.map((row) => row.datname).join(', ') || 'nothing'}`);
} finally {
  await postgres.end();
}

const mongo = await new MongoClient(secrets['mongo-url'] ?? '').connect();
try {
  const { databases } = await mongo.db('admin').admin().listDatabases({ nameOnly: true });
  const dropped = databases.map((database) => database.name).filter(isTestName);
  for (const name of dropped) await mongo.db(name).dropDatabase();
  console.log(`MongoDB: dropped ${dropped.join(', ') || 'nothing'}`);
} finally {
  await mongo.close();
}

// Elasticsearch refuses wildcard deletes, so each index of the test alias is named.
const search = new Elasticsearch({ node: secrets['elasticsearch-url'] ?? '' });
try {
  const indices = await search.cat.indices({ index: 'pos-products-test*', format: 'json', h: ['index'] });
  const names = indices.flatMap((row) => (row.index ? [row.index] : []));
  if (names.length > 0) await search.indices.delete({ index: names });
  console.log(`Elasticsearch: deleted ${names.join(', ') || 'nothing'}`);
} finally {
  await search.close();
}

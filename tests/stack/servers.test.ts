import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import pg from 'pg';
import { localSecret as secret } from '@pos/platform/testing';

describe('the infrastructure servers', () => {
  it('PostgreSQL answers a query and holds a test database for each service and for Dapr state', async () => {
    const client = new pg.Client({ connectionString: secret('postgres-url') });
    await client.connect();
    try {
      const wanted = ['user-db-url', 'inventory-db-url', 'order-db-url', 'state-db-url', 'probe-db-url']
        .map((key) => new URL(secret(key)).pathname.slice(1));
      assert.ok(wanted.every((name) => name.endsWith('_test')), `npm test uses test databases: ${wanted.join(', ')}`);
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [wanted]);
      assert.deepEqual(rows.map((row) => row.datname).sort(), wanted.sort());
    } finally {
      await client.end();
    }
  });

  it('FerretDB keeps its state file in the state folder, never in the folder it was started from', function () {
    // A natively started FerretDB only; a server given by POS_MONGO_URL keeps its state its own way.
    if (process.env.POS_MONGO_URL || process.env.POS_INFRA === 'testcontainers') this.skip();
    const dataDir = process.env.POS_DATA_DIR;
    assert.ok(dataDir, 'POS_DATA_DIR is set by npm test');
    assert.ok(existsSync(join(dataDir, 'ferretdb-state', 'state.json')), 'state.json in $POS_DATA_DIR/ferretdb-state');
    assert.equal(existsSync(new URL('../../state.json', import.meta.url)), false, 'no state.json at the repository root');
  });

  it('the MongoDB-wire server answers a ping and keeps a document it is given', async () => {
    const client = new MongoClient(secret('mongo-url'), { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    try {
      assert.equal((await client.db('admin').command({ ping: 1 })).ok, 1);
      const collection = client.db('pos_stack_test').collection<{ _id: string; at: Date }>('pings');
      const id = `ping-${Date.now()}`;
      await collection.insertOne({ _id: id, at: new Date() });
      assert.equal((await collection.findOne({ _id: id }))?._id, id);
      await collection.deleteOne({ _id: id });
    } finally {
      await client.close();
    }
  });

  it('Kafka reports its broker and the metadata of a topic it creates', async () => {
    const admin = new Kafka({ brokers: secret('kafka-brokers').split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      assert.equal(cluster.brokers.length, 1);
      const topic = `stack-test-${Date.now()}`;
      await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      assert.equal(metadata.topics[0]?.partitions.length, 2);
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  });

  it('Elasticsearch reports a usable cluster', async () => {
    const client = new ElasticsearchClient({ node: secret('elasticsearch-url') });
    try {
      const health = await client.cluster.health({ wait_for_status: 'yellow', timeout: '10s' });
      assert.ok(['green', 'yellow'].includes(health.status), `cluster status is ${health.status}`);
      assert.equal(health.number_of_nodes, 1);
    } finally {
      await client.close();
    }
  });
});

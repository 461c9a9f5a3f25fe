// Proof, through real sidecars and a real Kafka, that the event plumbing keeps its promises.
// probe-b publishes; probe-a subscribes (tests/probe).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { addToOutbox, createPool, requireDeadLetterTopics, topicsWithoutDeadLetter, withTransaction, type Pool } from '../src/index.ts';
import { eventually, findOnTopic, localSecret, request } from '../src/testing/index.ts';
import { probe } from '../../../tests/support/stack.ts';
import { daprApiToken, sidecarHeaders } from '../../../tests/support/sidecar-tokens.ts';

const probeA = probe('probe-a').url;
const probeB = probe('probe-b').url;
const sidecarB = `http://127.0.0.1:${probe('probe-b').sidecarHttp}/v1.0`;

interface Handling { id: string; data: { note: string } }

// Both probes record handlings in one test database; the topic tells whose they are.
async function handled(topic: string): Promise<Handling[]> {
  return (await request<Handling[]>('GET', `${probeA}/received?topic=${topic}`)).body;
}

async function handledOnce(topic: string, id: string): Promise<Handling> {
  return eventually(async () => {
    const matching = (await handled(topic)).filter((h) => h.id === id);
    assert.equal(matching.length, 1, `event ${id} handled ${matching.length} times`);
    return matching[0] as Handling;
  });
}

async function publishFromB(topic: string, event: { id?: string; data: unknown; partitionKey?: string }): Promise<string> {
  const reply = await request<{ id: string }>('POST', `${probeB}/publish`, { body: { topic, ...event } });
  assert.equal(reply.status, 202, JSON.stringify(reply.body));
  return (reply.body as { id: string }).id;
}

async function handlingCount(outcome: string): Promise<number> {
  const metrics = await (await fetch(`${probeA}/metrics`)).text();
  const line = metrics.split('\n').find((l) => l.startsWith(`events_handled_total{topic="probe.events",outcome="${outcome}"}`));
  return Number(line?.split(' ').at(-1) ?? 0);
}

describe('events between apps', function () {
  this.timeout(60_000);

  it('an event published through one sidecar crosses Kafka and is handled once, even when delivered twice', async () => {
    const key = randomUUID();
    const id = randomUUID();
    const duplicatesBefore = await handlingCount('DUPLICATE');
    await publishFromB('probe.events', { id, data: { note: 'first' }, partitionKey: key });
    await publishFromB('probe.events', { id, data: { note: 'first, again' }, partitionKey: key });
    // Same key, same partition: once this later event is handled, both deliveries of `id` were.
    const after = await publishFromB('probe.events', { data: { note: 'after' }, partitionKey: key });
    await handledOnce('probe.events', after);

    assert.equal((await handledOnce('probe.events', id)).data.note, 'first');
    assert.equal(await handlingCount('DUPLICATE'), duplicatesBefore + 1);
  });

  it('a handler that answers RETRY gets the event again, then the dead-letter topic has it', async () => {
    const id = await publishFromB('probe.retry', { data: { note: 'always fails' } });
    await eventually(async () => {
      const attempts = (await handled('probe.retry')).filter((h) => h.id === id).length;
      assert.ok(attempts > 1, `handled ${attempts} times`);
    });
    const dead = await findOnTopic('probe.dead-letter', (event) => event.id === id);
    assert.deepEqual(dead.data, { note: 'always fails' });
  });

  it('an event whose data does not match the schema is dropped to the dead-letter topic unhandled', async () => {
    const id = randomUUID();
    const response = await fetch(`${sidecarB}/publish/pubsub/probe.events`, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json', ...sidecarHeaders('probe-b') },
      body: JSON.stringify({ specversion: '1.0', id, source: 'test', type: 'pos.probe.note.v1', data: { wrong: true } }),
    });
    assert.equal(response.status, 204);
    await findOnTopic('probe.dead-letter', (event) => event.id === id);
    assert.equal((await handled('probe.events')).filter((h) => h.id === id).length, 0);
  });

  // Only probe-b, a gRPC app, subscribes to probe.grpc-events (tests/probe/components).
  it('a gRPC app receives its events through Dapr\'s AppCallback service, once per event id', async () => {
    const id = randomUUID();
    const publishFromA = (note: string) => request('POST', `${probeA}/publish`, { body: { topic: 'probe.grpc-events', id, partitionKey: id, data: { note } } });
    assert.equal((await publishFromA('to a gRPC app')).status, 202);
    assert.equal((await publishFromA('to a gRPC app, again')).status, 202);
    const later = (await request<{ id: string }>('POST', `${probeA}/publish`, { body: { topic: 'probe.grpc-events', partitionKey: id, data: { note: 'later' } } })).body;
    await handledOnce('probe.grpc-events', later.id);
    assert.equal((await handledOnce('probe.grpc-events', id)).data.note, 'to a gRPC app');
  });

  it('a handler that loses an ETag race gets the event again (RETRY), and the next delivery succeeds', async () => {
    const id = await publishFromB('probe.conflicts', { data: { note: 'races' } });
    await eventually(async () => {
      const attempts = (await handled('probe.conflicts')).filter((h) => h.id === id).length;
      assert.equal(attempts, 2, `handled ${attempts} times`);
    });
  });

  it('one event id delivered to two subscriptions of an app is handled by each', async () => {
    const id = randomUUID();
    await publishFromB('probe.events', { id, data: { note: 'to the first' } });
    await publishFromB('probe.copies', { id, data: { note: 'to the second' } });
    assert.equal((await handledOnce('probe.events', id)).data.note, 'to the first');
    assert.equal((await handledOnce('probe.copies', id)).data.note, 'to the second');
  });

  it('a served topic with no Subscription or one without a dead-letter topic is refused at start-up', async () => {
    const sidecarA = probe('probe-a').sidecarHttp;
    const token = daprApiToken('probe-a');
    await requireDeadLetterTopics([{ topic: 'probe.events' }, { topic: 'probe.copies' }], sidecarA, token);
    await assert.rejects(requireDeadLetterTopics([{ topic: 'probe.events' }, { topic: 'probe.undeclared' }], sidecarA, token), /probe\.undeclared/);
    assert.deepEqual(topicsWithoutDeadLetter([{ topic: 'a' }, { topic: 'b' }], [{ topic: 'a', deadLetterTopic: 'dl' }, { topic: 'b', deadLetterTopic: '' }]), ['b']);
  });

  it('the CloudEvent id, type and source the publisher sets arrive unchanged', async () => {
    const id = await publishFromB('probe.events', { data: { note: 'envelope' } });
    const onKafka = await findOnTopic('probe.events', (event) => event.id === id);
    assert.equal(onKafka.type, 'pos.probe.note.v1');
    assert.equal(onKafka.source, 'probe-b');
  });
});

describe('the transactional outbox', function () {
  this.timeout(60_000);
  let pool: Pool;
  before(() => { pool = createPool(localSecret('probe-db-url'), { test: true }); });
  after(() => pool.end());

  it('an event committed to the outbox by a writer that crashed before publishing is published by the relay', async () => {
    // This test is the writer: it commits and never publishes, as if it died right after COMMIT.
    const [id] = await withTransaction(pool, (tx) =>
      addToOutbox(tx, [{ topic: 'probe.events', type: 'pos.probe.note.v1', data: { note: 'from a crashed writer' } }]));
    assert.ok(id);
    assert.equal((await handledOnce('probe.events', id)).data.note, 'from a crashed writer');
    const row = await pool.query('SELECT published_at FROM outbox WHERE id = $1', [id]);
    assert.ok(row.rows[0]?.published_at, 'the relay marks what it published');
    const metrics = await (await fetch(`${probeA}/metrics`)).text();
    assert.match(metrics, /^outbox_backlog \d+$/m);
  });

  it('an event published but not marked before a crash is published again and still handled once', async () => {
    const id = randomUUID();
    const partitionKey = randomUUID();
    await publishFromB('probe.events', { id, partitionKey, data: { note: 'published, then crashed' } });
    // The crashed relay left the row unmarked; the next relay publishes the same id again.
    await withTransaction(pool, (tx) => addToOutbox(tx,
      [{ id, partitionKey, topic: 'probe.events', type: 'pos.probe.note.v1', data: { note: 'published, then crashed' } }]));
    await eventually(async () => {
      const row = await pool.query('SELECT published_at FROM outbox WHERE id = $1', [id]);
      assert.ok(row.rows[0]?.published_at);
    });
    const later = await publishFromB('probe.events', { partitionKey, data: { note: 'later' } });
    await handledOnce('probe.events', later);
    await handledOnce('probe.events', id);
  });

  it('a rolled-back transaction leaves no event behind', async () => {
    const id = randomUUID();
    await assert.rejects(withTransaction(pool, async (tx) => {
      await addToOutbox(tx, [{ id, topic: 'probe.events', type: 'pos.probe.note.v1', data: { note: 'never' } }]);
      throw new Error('the change failed');
    }), /the change failed/);
    assert.equal((await pool.query('SELECT 1 FROM outbox WHERE id = $1', [id])).rowCount, 0);
  });

  it('a write committed to the outbox is followed by a NOTIFY on the channel the relay listens on', async () => {
    const listener = new pg.Client({ connectionString: localSecret('probe-db-url') });
    await listener.connect();
    try {
      await listener.query('LISTEN outbox');
      const heard = new Promise<string>((resolve) => listener.once('notification', (message) => resolve(message.channel)));
      await withTransaction(pool, (tx) => addToOutbox(tx, [{ topic: 'probe.events', type: 'pos.probe.note.v1', data: { note: 'wake up' } }]));
      assert.equal(await heard, 'outbox');
    } finally {
      await listener.end();
    }
  });

  it('events of one key are published and handled in the order they were committed', async () => {
    const key = randomUUID();
    const notes = ['one', 'two', 'three', 'four', 'five'];
    const ids = await withTransaction(pool, (tx) => addToOutbox(tx,
      notes.map((note) => ({ topic: 'probe.events', type: 'pos.probe.note.v1', partitionKey: key, data: { note } }))));
    await handledOnce('probe.events', ids.at(-1) as string);
    const order = (await handled('probe.events')).filter((h) => ids.includes(h.id)).map((h) => h.data.note);
    assert.deepEqual(order, notes);
  });
});

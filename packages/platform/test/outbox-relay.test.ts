// Proof, against the probes' real relay (tests/probe: batch 50, 1 attempt), sidecar and
// Kafka, that the outbox relay keeps keys apart, keeps commit order and survives faults.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { addToOutbox, createPool, withTransaction, type OutboxEvent, type Pool } from '../src/index.ts';
import { eventually, findOnTopic, localSecret, request } from '../src/testing/index.ts';
import { startInfra, stopServer } from '../../../tests/support/servers.ts';
import { untilWaiting } from '../../../tests/support/postgres-locks.ts';
import { probe } from '../../../tests/support/stack.ts';

const probeA = probe('probe-a').url;
// Kafka refuses a message over 1 MB: a real poison event.
const tooLarge = 'x'.repeat(2_000_000);
const note = (partitionKey: string, text: string): OutboxEvent =>
  ({ topic: 'probe.events', type: 'pos.probe.note.v1', partitionKey, data: { note: text } });

interface Row { id: string; seq: string; published_at: Date | null; parked_at: Date | null; attempts: number; last_error: string | null }

describe('the outbox relay under faults', function () {
  this.timeout(60_000);
  let pool: Pool;
  before(() => { pool = createPool(localSecret('probe-db-url'), { test: true }); });
  after(() => pool.end());

  const row = async (id: string): Promise<Row> =>
    (await pool.query<Row>('SELECT id, seq, published_at, parked_at, attempts, last_error FROM outbox WHERE id = $1', [id])).rows[0] as Row;
  const handledIds = async (topic = 'probe.events'): Promise<string[]> =>
    (await request<{ id: string }[]>('GET', `${probeA}/received?topic=${topic}`)).body.map((h) => h.id);

  it('events published in bulk reach Kafka with their partition key as the message key', async () => {
    const key = randomUUID();
    const [id] = await withTransaction(pool, (tx) => addToOutbox(tx, [note(key, 'keyed')]));
    let keyOnKafka: string | undefined;
    await findOnTopic('probe.events', (event, messageKey) => { keyOnKafka = messageKey; return event.id === id; });
    assert.equal(keyOnKafka, key);
  });

  it('a key stuck on a failing event, with more events than a batch behind it, does not stop other keys', async () => {
    const stuck = randomUUID();
    const [poison] = await withTransaction(pool, (tx) => addToOutbox(tx,
      [note(stuck, tooLarge), ...Array.from({ length: 60 }, (_, i) => note(stuck, `behind ${i}`))]));
    const [other] = await withTransaction(pool, (tx) => addToOutbox(tx, [note(randomUUID(), 'another key')]));
    await eventually(async () => assert.ok((await handledIds()).includes(other as string)));
    // The relay marks a row published after the sidecar's answer, which may come after delivery.
    await eventually(async () => assert.ok((await row(other as string)).published_at));
    assert.ok((await row(poison as string)).published_at === null, 'the poison event was never published');
  });

  it('a poison event is parked with its error after the last attempt, then its key\'s later events go out', async () => {
    const key = randomUUID();
    const [poison, later] = await withTransaction(pool, (tx) => addToOutbox(tx, [note(key, tooLarge), note(key, 'after the poison')]));
    await eventually(async () => assert.ok((await handledIds()).includes(later as string)));
    const [parked, next] = [await row(poison as string), await row(later as string)];
    assert.ok(parked.parked_at, 'the poison event is parked');
    assert.equal(parked.published_at, null);
    assert.equal(parked.attempts, 1);
    assert.ok(parked.last_error);
    assert.ok(next.published_at && next.published_at >= parked.parked_at, 'the later event waited for the parking');
    const metrics = await (await fetch(`${probeA}/metrics`)).text() + await (await fetch(`${probe('probe-b').url}/metrics`)).text();
    assert.match(metrics, /^outbox_parked_total\{topic="probe.events"\} [1-9]/m);
  });

  it('two transactions on one key, the first to insert trying to commit last, are published in commit order', async () => {
    const key = randomUUID();
    const committed: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let firstInserted = (_pid: number) => {};
    const inserted = new Promise<number>((resolve) => { firstInserted = resolve; });
    const first = withTransaction(pool, async (tx) => {
      const ids = await addToOutbox(tx, [note(key, 'inserted first')]);
      firstInserted((await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0);
      await gate;
      return ids;
    }).then(([id]) => { committed.push(id as string); return id as string; });
    const firstPid = await inserted;
    const second = withTransaction(pool, (tx) => addToOutbox(tx, [note(key, 'inserted second')]))
      .then(([id]) => { committed.push(id as string); return id as string; });
    // The race, seen: the second is under way and waits for the first's lock on the key.
    await untilWaiting(pool, firstPid, 1);
    release();
    const ids = await Promise.all([first, second]);
    await eventually(async () => {
      const handled = await handledIds();
      assert.ok(ids.every((id) => handled.includes(id)));
    });
    const handled = (await handledIds()).filter((id) => ids.includes(id));
    assert.deepEqual(handled, committed, 'handled in commit order');
    const seqs = await Promise.all(committed.map(async (id) => BigInt((await row(id)).seq)));
    assert.ok((seqs[0] as bigint) < (seqs[1] as bigint), 'seq order is commit order, the order the relay publishes in');
  });

  it('a relay whose leader session dies gives up the lock, and a new session takes over and publishes', async () => {
    const holder = async () => (await pool.query<{ pid: number }>(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = 7000002 AND objsubid = 1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).rows[0]?.pid;
    const leader = await eventually(async () => { const pid = await holder(); assert.ok(pid); return pid; });
    await pool.query('SELECT pg_terminate_backend($1)', [leader]);
    const [id] = await withTransaction(pool, (tx) => addToOutbox(tx, [note(randomUUID(), 'after the leader died')]));
    await eventually(async () => assert.ok((await handledIds()).includes(id as string)));
    const next = await eventually(async () => { const pid = await holder(); assert.ok(pid && pid !== leader); return pid; });
    assert.notEqual(next, leader);
  });

  describe('with Kafka stopped', function () {
    this.timeout(150_000);
    after(startInfra); // even when an assertion failed, the tests after these find Kafka

    it('an event written during the outage is held without using up an attempt (the probes have one), and goes out once Kafka is back', async () => {
      stopServer('kafka');
      const [id] = await withTransaction(pool, (tx) => addToOutbox(tx, [note(randomUUID(), 'written while Kafka was away')]));
      const held = await eventually(async () => { const failed = await row(id as string); assert.ok(failed.last_error, 'the relay tried'); return failed; });
      assert.deepEqual([held.parked_at, held.attempts, held.published_at], [null, 0, null]);
      startInfra();
      await eventually(async () => assert.ok((await handledIds()).includes(id as string)), { timeoutMs: 60_000 });
      assert.equal((await row(id as string)).parked_at, null);
    });
  });
});

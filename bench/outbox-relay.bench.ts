// Outbox relay throughput, end to end: events committed to the user service's outbox, until
// its running relay has them acknowledged by the sidecar (acks from every Kafka replica, so
// they are on the topic). Beside it, the way the relay used to publish, one event at a time
// through the same sidecar, as the "before" figure. Prints figures; asserts nothing.
// The events go to their own topic, pos.bench.outbox, which nothing consumes.
import { randomUUID } from 'node:crypto';
import { addToOutbox, createPool, createPublisher, createDaprClient, withTransaction, type OutboxEvent } from '@pos/platform';
import { localSecret } from '@pos/platform/testing';
import { daprApiToken } from '../tests/support/sidecar-tokens.ts';
import { service } from '../tests/support/stack.ts';

const EVENTS = Number(process.env.BENCH_OUTBOX_EVENTS ?? 20_000);
const KEYS = Number(process.env.BENCH_OUTBOX_KEYS ?? 2_000);
const ONE_AT_A_TIME = Number(process.env.BENCH_ONE_AT_A_TIME ?? 2_000);
const topic = 'pos.bench.outbox';
const line = (what: string, events: number, ms: number) =>
  console.log(`${what.padEnd(36)} events=${events} ${(events / (ms / 1000)).toFixed(0)} events/s (${(ms / 1000).toFixed(2)} s)`);

const pool = createPool(localSecret('user-db-url'));
const keys = Array.from({ length: KEYS }, () => randomUUID());
const events: OutboxEvent[] = Array.from({ length: EVENTS }, (_, i) =>
  ({ topic, type: 'pos.bench.event.v1', partitionKey: keys[i % KEYS] as string, data: { i, sku: `sku-${i % KEYS}`, quantity: 1 } }));

const ids = await withTransaction(pool, (tx) => addToOutbox(tx, events));
const committed = performance.now();
for (;;) {
  const { rows } = await pool.query<{ left: string }>('SELECT count(*) AS left FROM outbox WHERE id = ANY($1::uuid[]) AND published_at IS NULL', [ids]);
  if (Number(rows[0]?.left) === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
line(`outbox relay (${KEYS} keys)`, EVENTS, performance.now() - committed);
await pool.query('DELETE FROM outbox WHERE id = ANY($1::uuid[])', [ids]);
await pool.end();

// The old relay's way: await each publish before the next.
// Through the user app's sidecar, as the user app (its DAPR_API_TOKEN).
const publish = createPublisher(createDaprClient(service('user').sidecarHttp, daprApiToken('user')));
const started = performance.now();
for (let i = 0; i < ONE_AT_A_TIME; i++) await publish(topic, { type: 'pos.bench.event.v1', partitionKey: keys[i % KEYS] as string, data: { i } });
line('one publish at a time (before)', ONE_AT_A_TIME, performance.now() - started);

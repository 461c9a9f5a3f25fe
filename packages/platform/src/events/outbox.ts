import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import type { OutgoingEvent } from '../dapr/publisher.ts';
import { createLogger } from '../logging/logger.ts';
import { afterCommit, type Pool, type Transaction } from '../postgres/database.ts';
import { wakeLocalRelay } from './outbox-relay.ts';

export interface OutboxEvent extends OutgoingEvent {
  topic: string;
}

// One round trip, since a writer may hold row locks while it waits for it.
//
// The relay publishes a key's events in `seq` order, and `seq` is taken at insert, not at
// commit. So the statement first takes a lock per partition key, held until the transaction
// ends: a second transaction on the same key waits before it takes a `seq`, and a key's `seq`
// order is its commit order. The locks come first because the INSERT's rows pass a one-time
// filter on `locked`, which PostgreSQL evaluates before it produces the first row (whose
// `seq` default is evaluated only then). Locks are taken in the order of their lock ids, so
// two transactions cannot deadlock on them, not even on two keys whose hashes collide.
const INSERT_EVENTS = `
  WITH locked AS (
    SELECT count(pg_advisory_xact_lock(hashtext('outbox'), lock_id)) AS keys
    FROM (SELECT DISTINCT hashtext(key) AS lock_id FROM unnest($4::text[]) AS k(key) WHERE key IS NOT NULL ORDER BY lock_id) AS ids
  )
  INSERT INTO outbox (id, topic, type, partition_key, data, traceparent)
  SELECT id, topic, type, partition_key, data, $6 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
    WITH ORDINALITY AS e(id, topic, type, partition_key, data, n)
  WHERE (SELECT keys FROM locked) IS NOT NULL
  ORDER BY n`;

/** Records events in the caller's transaction: they exist exactly when the change does.
 * Once withTransaction has committed it, the relay is woken (another way of committing
 * leaves the relay to find them at its next idle poll). */
export async function addToOutbox(tx: Transaction, events: OutboxEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier); // the relay publishes in the writer's trace
  const ids = events.map((event) => event.id ?? randomUUID());
  // Named, so each connection parses it once and may keep its plan.
  await tx.query({ name: 'outbox-insert-events', text: INSERT_EVENTS, values:
    [ids, events.map((e) => e.topic), events.map((e) => e.type), events.map((e) => e.partitionKey ?? null),
      events.map((e) => JSON.stringify(e.data)), carrier.traceparent ?? null] });
  afterCommit(tx, wakeRelay);
  return ids;
}

// A relay leading in another process hears of commits by NOTIFY (this process's own relay is
// woken directly). The NOTIFY goes after the commit, not in the transaction: PostgreSQL makes every transaction
// that notifies take one database-wide lock at commit, which queued every writer's commit (and
// its WAL flush) behind the others'. One NOTIFY at a time per pool, and one more when commits
// came meanwhile, so every commit is followed by a NOTIFY sent after it.
const notifying = new WeakMap<Pool, { again: boolean }>();
const log = createLogger(process.env.APP_ID ?? 'pos').child({ component: 'outbox' });

function wakeRelay(pool: Pool): void {
  if (wakeLocalRelay(pool)) return;
  const under = notifying.get(pool);
  if (under) { under.again = true; return; }
  const state = { again: false };
  notifying.set(pool, state);
  void (async () => {
    try {
      do {
        state.again = false;
        await pool.query('NOTIFY outbox');
      } while (state.again);
    } catch (error) {
      log.warn({ err: error }, 'could not wake the outbox relay; it finds the events at its next poll');
    } finally {
      notifying.delete(pool);
    }
  })();
}

export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox-relay.ts';

import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import type { OutgoingEvent } from '../dapr/publisher.ts';
import type { Transaction } from '../postgres/database.ts';

export interface OutboxEvent extends OutgoingEvent {
  topic: string;
}

/** Records events in the caller's transaction: they exist exactly when the change does.
 *
 * The relay publishes a key's events in `seq` order, and `seq` is taken at insert, not at
 * commit. So a transaction first takes a lock per partition key, held until it ends: a second
 * transaction on the same key waits before inserting, and a key's `seq` order is its commit
 * order. Keys are locked in sorted order so two transactions cannot deadlock on them. */
export async function addToOutbox(tx: Transaction, events: OutboxEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const keys = [...new Set(events.flatMap((event) => event.partitionKey ?? []))].sort();
  for (const key of keys) await tx.query("SELECT pg_advisory_xact_lock(hashtext('outbox'), hashtext($1))", [key]);
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier); // the relay publishes in the writer's trace
  const ids = events.map((event) => event.id ?? randomUUID());
  await tx.query(
    `INSERT INTO outbox (id, topic, type, partition_key, data, traceparent)
     SELECT id, topic, type, partition_key, data, $6 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
       WITH ORDINALITY AS e(id, topic, type, partition_key, data, n) ORDER BY n`,
    [ids, events.map((e) => e.topic), events.map((e) => e.type), events.map((e) => e.partitionKey ?? null),
      events.map((e) => JSON.stringify(e.data)), carrier.traceparent ?? null]);
  await tx.query("SELECT pg_notify('outbox', '')"); // wakes the relay at commit
  return ids;
}

export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox-relay.ts';

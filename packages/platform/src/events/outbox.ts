import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import type pg from 'pg';
import type { OutgoingEvent, Publish } from '../dapr/publisher.ts';
import type { Logger } from '../logging/logger.ts';
import { outboxBacklog } from '../metrics/metrics.ts';
import type { Pool, Transaction } from '../postgres/database.ts';

export interface OutboxEvent extends OutgoingEvent {
  topic: string;
}

/** Records events in the caller's transaction: they exist exactly when the change does. */
export async function addToOutbox(tx: Transaction, events: OutboxEvent[]): Promise<string[]> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier); // the relay publishes in the writer's trace
  const ids: string[] = [];
  for (const event of events) {
    const id = event.id ?? randomUUID();
    await tx.query(
      `INSERT INTO outbox (id, topic, type, partition_key, data, traceparent) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, event.topic, event.type, event.partitionKey ?? null, JSON.stringify(event.data), carrier.traceparent ?? null]);
    ids.push(id);
  }
  await tx.query("SELECT pg_notify('outbox', '')"); // wakes the relay at commit
  return ids;
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  type: string;
  partition_key: string | null;
  data: unknown;
  traceparent: string | null;
  created_at: Date;
}

export interface OutboxRelay {
  /** Finishes the pass under way and lets another instance take over. */
  stop(): Promise<void>;
}

// One relay per database publishes at a time, so events of one key never overtake each other.
const RELAY_LOCK = 7_000_002;
// Published outbox rows are kept a week (for inspection and replays). Inbox ids are kept
// 30 days, well past Kafka's 7-day retention, so no redelivery can outlive its id.
const PRUNE_EVERY_MS = 3_600_000;

/** Publishes committed outbox events after commit, oldest first. A failed publish holds back
 * the later events of its partition key until it succeeds; others go on. */
export function startOutboxRelay(options: { pool: Pool; publish: Publish; log: Logger; idleMs?: number; batch?: number }): OutboxRelay {
  const { pool, publish, log, idleMs = 1000, batch = 100 } = options;
  let stopped = false;
  let leader: pg.PoolClient | undefined;
  let wake: (() => void) | undefined;

  const publishRow = (row: OutboxRow) => {
    const parent = row.traceparent ? propagation.extract(context.active(), { traceparent: row.traceparent }) : context.active();
    return context.with(parent, () => publish(row.topic, {
      id: row.id, type: row.type, data: row.data, time: row.created_at.toISOString(),
      ...(row.partition_key && { partitionKey: row.partition_key }),
    }));
  };

  const runOnce = async (): Promise<number> => {
    const { rows } = await pool.query<OutboxRow>(
      'SELECT * FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1', [batch]);
    const heldBack = new Set<string>();
    let published = 0;
    for (const row of rows) {
      const key = row.partition_key ?? '';
      if (heldBack.has(key)) continue;
      try {
        await publishRow(row);
        await pool.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE seq = $1', [row.seq]);
        published++;
      } catch (error) {
        heldBack.add(key);
        await pool.query('UPDATE outbox SET attempts = attempts + 1 WHERE seq = $1', [row.seq]);
        log.warn({ err: error, eventId: row.id, topic: row.topic }, 'outbox publish failed; will retry');
      }
    }
    const backlog = await pool.query<{ count: string }>('SELECT count(*) FROM outbox WHERE published_at IS NULL');
    outboxBacklog.set(Number(backlog.rows[0]?.count ?? 0));
    return published;
  };

  const becomeLeader = async (): Promise<boolean> => {
    if (leader) return true;
    const client = await pool.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK]);
    if (!rows[0]?.locked) { client.release(); return false; }
    await client.query('LISTEN outbox');
    client.on('notification', () => wake?.());
    // A lost connection loses the lock too: stop relaying until the lock is ours again.
    client.on('error', (error) => {
      log.warn({ err: error }, 'outbox relay lost its database connection');
      if (leader === client) leader = undefined;
      client.release(error);
    });
    leader = client;
    return true;
  };

  let prunedAt = 0;
  const pruneNowAndThen = async () => {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = Date.now();
    await pool.query("DELETE FROM outbox WHERE published_at < now() - interval '7 days'");
    await pool.query("DELETE FROM inbox WHERE handled_at < now() - interval '30 days'");
  };

  const loop = (async () => {
    while (!stopped) {
      let published = 0;
      try {
        if (await becomeLeader()) {
          published = await runOnce();
          await pruneNowAndThen();
        }
      } catch (error) {
        log.error({ err: error }, 'outbox relay pass failed');
      }
      if (published < batch && !stopped) {
        await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, idleMs); });
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      if (leader) {
        await leader.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK]).catch(() => undefined);
        leader.release();
      }
    },
  };
}

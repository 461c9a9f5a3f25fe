import type pg from 'pg';
import type { PublishBulk } from '../dapr/publisher.ts';
import type { Logger } from '../logging/logger.ts';
import { outboxBacklog, outboxParked } from '../metrics/metrics.ts';
import type { Pool } from '../postgres/database.ts';
import { PublishFailure, publishInKeyOrder, type OutboxRow } from './outbox-waves.ts';

export interface OutboxRelay {
  /** Finishes the pass under way and lets another instance take over. */
  stop(): Promise<void>;
}

export interface OutboxRelayOptions {
  pool: Pool;
  publish: PublishBulk;
  log: Logger;
  idleMs?: number;
  /** Rows read per pass. */
  batch?: number;
  /** Failed publishes of one event before it is parked. */
  maxAttempts?: number;
  /** The first retry waits this long, each next one twice as long, up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

// One relay per database publishes at a time, so events of one key never overtake each other.
const RELAY_LOCK = 7_000_002;

// The relay leading in this process, by the pool it reads: a commit through that pool wakes it
// directly (addToOutbox), without a NOTIFY that would only come back to this same process.
const localLeaders = new WeakMap<Pool, () => void>();

/** Wakes this process's relay of `pool` if it leads; false when another process's relay does
 * (or none yet), which only a NOTIFY reaches. */
export function wakeLocalRelay(pool: Pool): boolean {
  const wakeUp = localLeaders.get(pool);
  wakeUp?.();
  return wakeUp !== undefined;
}
// Published outbox rows are kept a week, for inspection and replays.
const PRUNE_EVERY_MS = 3_600_000;
// The backlog gauge is counted at most this often, not on every pass (a pass per commit under
// load): its alert looks at 15 minutes (observability/prometheus/rules/alerts.yml).
const BACKLOG_EVERY_MS = 5_000;

// The oldest pending events, leaving out every key held back by an event waiting for its
// retry (a keyless event holds back only itself), so a stuck key never fills the batch.
const PENDING = `
  SELECT seq, id, topic, type, partition_key, data, traceparent, created_at FROM outbox o
  WHERE published_at IS NULL AND parked_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM outbox r
      WHERE r.published_at IS NULL AND r.retry_at IS NOT NULL AND r.retry_at > now() AND r.seq <= o.seq
        AND (r.seq = o.seq OR r.partition_key = o.partition_key))
  ORDER BY seq LIMIT $1`;

// A poison event (one the broker refuses, e.g. too large) is parked after maxAttempts: kept
// with its last error, logged and counted, and no longer published. Its key's later events
// then go on: blocking a key until someone acts would stop a till's stock or orders for good,
// while a parked event is loud and kept, to be fixed and republished (clear parked_at and
// attempts) by someone who decides what its late arrival means. Only a refusal of the event
// counts as an attempt: a sidecar that does not answer fails the pass and parks nothing
// (pubsub outbound has no circuit breaker: components/resiliency.yaml), and an event the
// sidecar could not hand to an absent broker is held without counting (BROKER_AWAY), so an
// outage of any length parks nothing.
const FAILED = `
  UPDATE outbox SET attempts = attempts + 1, last_error = $2,
    parked_at = CASE WHEN attempts + 1 >= $3 THEN now() END,
    retry_at = CASE WHEN attempts + 1 >= $3 THEN NULL
      ELSE now() + make_interval(secs => least($5::float8, $4::float8 * 2 ^ attempts) / 1000) END
  WHERE seq = $1 RETURNING id, topic, parked_at`;
const HELD = 'UPDATE outbox SET last_error = $2, retry_at = now() + make_interval(secs => $3::float8 / 1000) WHERE seq = $1';

/** Kafka's client (sarama, in the sidecar) saying the broker is away, not that the event is bad. */
const BROKER_AWAY = /run out of available brokers|circuit breaker is open|connection refused|connection reset|i\/o timeout|broken pipe|leader not available|not leader/i;

/** Publishes committed outbox events after commit: each key's events in commit order,
 * different keys concurrently and in bulk. A failing event holds back its key (with growing
 * waits) until it is published or parked; other keys go on. */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { pool, publish, log, idleMs = 1000, batch = 1000, maxAttempts = 10, retryBaseMs = 1000, retryMaxMs = 300_000 } = options;
  let stopped = false;
  let leader: pg.PoolClient | undefined;
  let wake: (() => void) | undefined;
  // Set by a wake that came during a pass, which may have read before its commit: one more
  // pass follows at once instead of the idle wait.
  let woken = false;
  const wakeUp = () => { woken = true; wake?.(); };

  // The leader's own session holds the lock and LISTENs; a session that ended (or failed) is
  // destroyed, never returned to the pool, so its lock and LISTEN die with it.
  const destroyed = new WeakSet<pg.PoolClient>();
  const dropLeader = (client: pg.PoolClient, error?: Error) => {
    if (leader === client) {
      leader = undefined;
      if (localLeaders.get(pool) === wakeUp) localLeaders.delete(pool);
    }
    if (destroyed.has(client)) return; // a failed query and the session's error event both land here
    destroyed.add(client);
    client.release(error ?? true);
  };

  const becomeLeader = async (): Promise<pg.PoolClient | undefined> => {
    if (leader) return leader;
    const client = await pool.connect();
    const lost = (error: Error) => { log.warn({ err: error }, 'outbox relay lost its database connection'); dropLeader(client, error); };
    client.on('error', lost);
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK]);
      if (!rows[0]?.locked) { client.off('error', lost); client.release(); return undefined; }
      await client.query('LISTEN outbox');
    } catch (error) {
      dropLeader(client, error as Error);
      throw error;
    }
    client.on('notification', wakeUp);
    leader = client;
    localLeaders.set(pool, wakeUp);
    return client;
  };

  const recordFailure = async (db: pg.PoolClient, row: OutboxRow, reason: string) => {
    if (BROKER_AWAY.test(reason)) {
      await db.query(HELD, [row.seq, reason, retryBaseMs]);
      log.warn({ eventId: row.id, topic: row.topic, reason }, 'outbox publish failed: the broker is away; will retry');
      return;
    }
    const { rows } = await db.query<{ id: string; topic: string; parked_at: Date | null }>(
      FAILED, [row.seq, reason, maxAttempts, retryBaseMs, retryMaxMs]);
    if (rows[0]?.parked_at) {
      outboxParked.inc({ topic: row.topic });
      log.error({ eventId: row.id, topic: row.topic, reason }, 'outbox event parked after its last attempt');
    } else {
      log.warn({ eventId: row.id, topic: row.topic, reason }, 'outbox publish failed; will retry');
    }
  };

  let countedAt = 0;
  const runOnce = async (db: pg.PoolClient): Promise<number> => {
    const { rows } = await db.query<OutboxRow>(PENDING, [batch]);
    const outcome = await publishInKeyOrder(rows, publish);
    if (outcome.published.length > 0) {
      await db.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1, retry_at = NULL WHERE seq = ANY($1::bigint[])',
        [outcome.published.map((row) => row.seq)]);
    }
    for (const [row, reason] of outcome.failed) await recordFailure(db, row, reason);
    if (Date.now() - countedAt >= BACKLOG_EVERY_MS) {
      countedAt = Date.now();
      const backlog = await db.query<{ count: string }>('SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL');
      outboxBacklog.set(Number(backlog.rows[0]?.count ?? 0));
    }
    if (outcome.error) throw outcome.error;
    return rows.length;
  };

  let prunedAt = 0;
  const pruneNowAndThen = async (db: pg.PoolClient) => {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = Date.now();
    await db.query("DELETE FROM outbox WHERE published_at < now() - interval '7 days'");
  };

  const pass = async (): Promise<number> => {
    woken = false;
    const db = await becomeLeader();
    if (!db) return 0;
    try {
      const read = await runOnce(db);
      await pruneNowAndThen(db);
      return read;
    } catch (error) {
      // A failed query may mean a dead session, whose lock is gone: start again from a new one.
      if (!(error instanceof PublishFailure)) dropLeader(db);
      throw error;
    }
  };

  const loop = (async () => {
    while (!stopped) {
      let again = false;
      try {
        const read = await pass();
        again = read >= batch || woken;
      } catch (error) {
        log.error({ err: error }, 'outbox relay pass failed'); // waits, even if woken meanwhile
      }
      if (!again && !stopped) {
        await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, idleMs); });
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      if (leader) dropLeader(leader);
    },
  };
}

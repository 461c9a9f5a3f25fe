import type { PublishBulk } from '../dapr/publisher.ts';

export interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  type: string;
  partition_key: string | null;
  data: unknown;
  traceparent: string | null;
  created_at: Date;
}

export interface PublishOutcome {
  published: OutboxRow[];
  failed: [OutboxRow, string][];
  /** The sidecar did not answer: what is not in `published` was not published. */
  error?: PublishFailure;
}

/** The sidecar did not answer a publish: nothing is known of what it published. */
export class PublishFailure extends Error {}

// Dapr's bulk publish: one request, one Kafka produce per this many events.
const BULK_SIZE = 100;

/** Wave n holds the n-th event of each key, in seq order. A keyless event is a key of its own. */
function waves(rows: OutboxRow[]): OutboxRow[][] {
  const result: OutboxRow[][] = [];
  const depth = new Map<string, number>();
  for (const row of rows) {
    const key = row.partition_key ?? `id:${row.id}`;
    const n = depth.get(key) ?? 0;
    depth.set(key, n + 1);
    (result[n] ??= []).push(row);
  }
  return result;
}

function requests(wave: OutboxRow[]): { topic: string; rows: OutboxRow[] }[] {
  return [...Map.groupBy(wave, (row) => row.topic)].flatMap(([topic, rows]) =>
    Array.from({ length: Math.ceil(rows.length / BULK_SIZE) }, (_, i) => ({ topic, rows: rows.slice(i * BULK_SIZE, (i + 1) * BULK_SIZE) })));
}

/** Publishes the rows so that each key's events go out one after another, in order: a wave
 * starts when the one before has been acknowledged, and never holds two events of one key
 * (Kafka may reorder the events of one produce request when it retries a partition's part).
 * Within a wave, all keys go at once, in bulk requests. A key whose event failed is held
 * back for the rest of the pass. */
export async function publishInKeyOrder(rows: OutboxRow[], publish: PublishBulk): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { published: [], failed: [] };
  const held = new Set<string>();
  for (const wave of waves(rows)) {
    const ready = wave.filter((row) => row.partition_key === null || !held.has(row.partition_key));
    const results = await Promise.allSettled(requests(ready).map(async ({ topic, rows }) => ({ rows, failed: await publish(topic, rows.map(asEvent)) })));
    for (const result of results) {
      if (result.status === 'rejected') {
        outcome.error = new PublishFailure('the sidecar did not take a bulk publish', { cause: result.reason });
        continue;
      }
      for (const row of result.value.rows) {
        const reason = result.value.failed.get(row.id);
        if (reason === undefined) { outcome.published.push(row); continue; }
        outcome.failed.push([row, reason]);
        if (row.partition_key !== null) held.add(row.partition_key);
      }
    }
    if (outcome.error) break; // an unknown state of this wave: later waves would overtake it
  }
  return outcome;
}

function asEvent(row: OutboxRow) {
  return {
    id: row.id, type: row.type, data: row.data, time: row.created_at.toISOString(),
    ...(row.partition_key !== null && { partitionKey: row.partition_key }),
    ...(row.traceparent !== null && { traceparent: row.traceparent }),
  };
}

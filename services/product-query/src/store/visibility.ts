// When does a written change become searchable? Elasticsearch shows writes to searches at its
// next refresh. Rather than wait for the index's periodic one (1 s) blindly, this refreshes the
// alias itself, at most every REFRESH_EVERY_MS and only after writes, and then records for each
// change written before that refresh the time from its event's creation: the lag histogram
// measures "created" to "searchable", not merely to "written".
import { createHistogram, type Logger } from '@pos/platform';
import type { ProductIndex } from './product-index.ts';

const REFRESH_EVERY_MS = 200;
/** While Elasticsearch is away, changes to measure wait; beyond this many the oldest are not measured. */
const MAX_WAITING = 10_000;

const searchableLag = createHistogram({
  name: 'search_event_to_searchable_seconds',
  help: 'Time from an event\'s creation to the moment its change is searchable, by topic',
  labelNames: ['topic'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5, 10, 30],
});

// The first part of that lag: from creation to the write (outbox relay, Kafka, the delivery).
const writtenLag = createHistogram({
  name: 'search_event_to_written_seconds',
  help: 'Time from an event\'s creation to the write of its change (before the refresh that makes it searchable), by topic',
  labelNames: ['topic'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5, 10, 30],
});

export interface Visibility {
  /** A change from an event of `topic` created at `eventTime` (ISO) was written. */
  written: (topic: string, eventTime: string | undefined) => void;
  stop: () => Promise<void>;
}

export function startVisibility(index: ProductIndex, log: Logger): Visibility {
  let waiting: { topic: string; createdMs: number }[] = [];
  let running: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    const batch = waiting;
    waiting = [];
    try {
      await index.es.indices.refresh({ index: index.alias });
      const now = Date.now();
      for (const change of batch) searchableLag.observe({ topic: change.topic }, Math.max(0, now - change.createdMs) / 1000);
    } catch (error) {
      waiting = [...batch, ...waiting].slice(-MAX_WAITING); // measured at the next refresh that succeeds
      log.warn({ err: error }, 'index refresh failed');
    }
  }

  const timer = setInterval(() => {
    if (waiting.length > 0) running ??= refresh().finally(() => { running = undefined; });
  }, REFRESH_EVERY_MS);
  return {
    written: (topic, eventTime) => {
      const createdMs = eventTime ? Date.parse(eventTime) : NaN;
      if (Number.isNaN(createdMs)) return;
      writtenLag.observe({ topic }, Math.max(0, Date.now() - createdMs) / 1000);
      if (waiting.length < MAX_WAITING) waiting.push({ topic, createdMs });
    },
    stop: async () => { clearInterval(timer); await running; },
  };
}

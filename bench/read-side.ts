// What product-query did with the stock events while a bench ran, from its /metrics: how many
// events came in how many deliveries (bulk subscribe hands over many at once), and the p99 of
// the time from an event's creation to its change being searchable (and to its write, before
// the refresh).
import { service } from '../tests/support/stack.ts';

const TOPIC = 'pos.stock';

interface Sample { events: number; deliveries: number; lagBuckets: Map<string, number>; writtenBuckets: Map<string, number> }

const bucketsOf = (text: string, histogram: string) => new Map([...text.matchAll(new RegExp(`^${histogram}_bucket\\{le="([^"]+)",topic="pos\\.stock"\\} (\\d+)`, 'gm'))]
  .map((match) => [match[1] as string, Number(match[2])]));

/** The upper bound of the bucket holding the 99th percentile of what was counted between two samples. */
function p99(before: Map<string, number>, after: Map<string, number>): { p99: string; total: number } {
  const counted = [...after].map(([le, count]) => [le, count - (before.get(le) ?? 0)] as const);
  const total = counted.find(([le]) => le === '+Inf')?.[1] ?? 0;
  return { p99: counted.find(([, count]) => count >= 0.99 * total)?.[0] ?? '?', total };
}

async function sample(): Promise<Sample> {
  const text = await (await fetch(`${service('product-query').url}/metrics`)).text();
  const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  return {
    events: sum(new RegExp(`^events_handled_total\\{topic="${TOPIC}",outcome="[A-Z]+"\\} (\\d+)`, 'gm')),
    deliveries: sum(new RegExp(`^event_handling_duration_seconds_count\\{topic="${TOPIC}"\\} (\\d+)`, 'gm')),
    lagBuckets: bucketsOf(text, 'search_event_to_searchable_seconds'),
    writtenBuckets: bucketsOf(text, 'search_event_to_written_seconds'),
  };
}

/** Starts counting; `stop()` answers a line for the bench's output. */
export async function readSide(): Promise<{ stop: () => Promise<string> }> {
  const before = await sample();
  return {
    stop: async () => {
      const after = await sample();
      const searchable = p99(before.lagBuckets, after.lagBuckets);
      const written = p99(before.writtenBuckets, after.writtenBuckets);
      return `product-query: ${after.events - before.events} ${TOPIC} events in ${after.deliveries - before.deliveries} deliveries; `
        + `event to searchable p99 ≤ ${searchable.p99} s (of ${searchable.total}), of which event to written p99 ≤ ${written.p99} s`;
    },
  };
}

/** Waits until product-query has handled every stock event it will get (its count has not
 * moved for two seconds, or 30 s passed), so a run after this one starts with no backlog. */
export async function readSideDrained(): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < 30_000; waited += 2000) {
    const { events } = await sample();
    if (events === last) return;
    last = events;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

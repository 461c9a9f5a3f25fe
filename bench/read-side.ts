// What product-query did with the stock events while a bench ran, from its /metrics: how many
// events came in how many deliveries (bulk subscribe hands over many at once), and the p99 of
// the time from an event's creation to its change being searchable.
import { service } from '../tests/support/stack.ts';

const TOPIC = 'pos.stock';

interface Sample { events: number; deliveries: number; lagBuckets: Map<string, number> }

async function sample(): Promise<Sample> {
  const text = await (await fetch(`${service('product-query').url}/metrics`)).text();
  const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  const lagBuckets = new Map([...text.matchAll(/^search_event_to_searchable_seconds_bucket\{le="([^"]+)",topic="pos\.stock"\} (\d+)/gm)]
    .map((match) => [match[1] as string, Number(match[2])]));
  return {
    events: sum(new RegExp(`^events_handled_total\\{topic="${TOPIC}",outcome="[A-Z]+"\\} (\\d+)`, 'gm')),
    deliveries: sum(new RegExp(`^event_handling_duration_seconds_count\\{topic="${TOPIC}"\\} (\\d+)`, 'gm')),
    lagBuckets,
  };
}

/** Starts counting; `stop()` answers a line for the bench's output. */
export async function readSide(): Promise<{ stop: () => Promise<string> }> {
  const before = await sample();
  return {
    stop: async () => {
      const after = await sample();
      const counted = [...after.lagBuckets].map(([le, count]) => [le, count - (before.lagBuckets.get(le) ?? 0)] as const);
      const total = counted.find(([le]) => le === '+Inf')?.[1] ?? 0;
      const p99 = counted.find(([, count]) => count >= 0.99 * total)?.[0] ?? '?';
      return `product-query: ${after.events - before.events} ${TOPIC} events in ${after.deliveries - before.deliveries} deliveries; event to searchable p99 ≤ ${p99} s (of ${total})`;
    },
  };
}

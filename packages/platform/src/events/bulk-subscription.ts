// Dapr's bulk subscribe (a Subscription with `bulkSubscribe.enabled`): the sidecar hands over up
// to maxMessagesCount events of one partition at once, or what came within maxAwaitDurationMs,
// and wants a status per entry. A read side whose writes only need the last state of each key
// can then do one write for a batch instead of one per event.
import { z } from 'zod';
import { API_TOKEN_KEY, requireOwnSidecar } from '../dapr/app-token.ts';
import { defineRoute, type AnyRoute } from '../http/route.ts';
import type { Logger } from '../logging/logger.ts';
import { eventDuration, eventsHandled } from '../metrics/metrics.ts';
import { readEvent, RejectedEventError, type DeliveryStatus, type EventSubscription, type ReceivedEvent } from './subscription.ts';

export interface BulkEventSubscription<Data> extends Pick<EventSubscription<Data, undefined>, 'topic' | 'path' | 'schema' | 'owners'> {
  /** Handles the delivery's valid events together, in the order of their partition. It must
   * be idempotent (a batch may come again, whole or in part). A throw makes each of them a
   * RETRY; a RejectedEventError, a DROP. */
  handleAll: (events: ReceivedEvent<Data>[]) => Promise<void>;
}

export interface EntryStatus { entryId: string; status: DeliveryStatus }

const bulkEnvelope = z.object({ entries: z.array(z.object({ entryId: z.string(), event: z.unknown() })) });

/** Handles one bulk delivery and answers each entry's status. Never throws: an entry left
 * without a status is retried by Dapr, never acknowledged. */
export async function deliverBulk<Data>(sub: BulkEventSubscription<Data>, body: unknown, log: Logger): Promise<EntryStatus[]> {
  const envelope = bulkEnvelope.safeParse(body);
  if (!envelope.success) {
    log.warn({ topic: sub.topic, problems: envelope.error.issues }, 'not a bulk delivery; every entry will be retried');
    return [];
  }
  const started = performance.now();
  const statuses: EntryStatus[] = [];
  const valid: { entryId: string; event: ReceivedEvent<Data> }[] = [];
  for (const entry of envelope.data.entries) {
    const event = readEvent(sub, entry.event, log);
    if (typeof event === 'string') {
      eventsHandled.inc({ topic: sub.topic, outcome: event });
      statuses.push({ entryId: entry.entryId, status: event === 'FOREIGN' ? 'SUCCESS' : event });
    } else {
      valid.push({ entryId: entry.entryId, event });
    }
  }
  const outcome = valid.length === 0 ? 'SUCCESS' : await handleAll(sub, valid.map((entry) => entry.event), log);
  for (const entry of valid) {
    eventsHandled.inc({ topic: sub.topic, outcome });
    statuses.push({ entryId: entry.entryId, status: outcome });
  }
  eventDuration.observe({ topic: sub.topic }, (performance.now() - started) / 1000);
  return statuses;
}

async function handleAll<Data>(sub: BulkEventSubscription<Data>, events: ReceivedEvent<Data>[], log: Logger): Promise<DeliveryStatus> {
  try {
    await sub.handleAll(events);
    return 'SUCCESS';
  } catch (error) {
    const eventIds = events.map((event) => event.id);
    if (error instanceof RejectedEventError) {
      log.warn({ err: error, topic: sub.topic, eventIds }, 'events rejected; dropped');
      return 'DROP';
    }
    log.error({ err: error, topic: sub.topic, eventIds }, 'event handling failed; Dapr will retry');
    return 'RETRY';
  }
}

/** A koa route for Dapr's bulk deliveries of one topic to an HTTP app: always 200 with a
 * status per entry; a caller that is not the app's own sidecar gets 401 and nothing is handled. */
export function bulkSubscription<Data>(sub: BulkEventSubscription<Data>, log: Logger): AnyRoute {
  return defineRoute({
    method: 'post',
    path: sub.path,
    summary: `Dapr delivers ${sub.topic} events here, many at once`,
    responses: {
      200: {
        description: 'SUCCESS, RETRY or DROP for each entry',
        schema: z.object({ statuses: z.array(z.object({ entryId: z.string(), status: z.enum(['SUCCESS', 'RETRY', 'DROP']) })) }),
      },
      401: { description: 'the caller is not the app\'s own sidecar' },
    },
    handle: async ({ ctx }) => {
      requireOwnSidecar(ctx.get(API_TOKEN_KEY));
      return { body: { statuses: await deliverBulk(sub, ctx.request.body, log) } };
    },
  });
}

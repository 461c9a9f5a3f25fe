import { z } from 'zod';
import { API_TOKEN_KEY, requireOwnSidecar } from '../dapr/app-token.ts';
import { defineRoute, type AnyRoute } from '../http/route.ts';
import type { Logger } from '../logging/logger.ts';
import { eventDuration, eventsHandled } from '../metrics/metrics.ts';
import type { Inbox } from './inbox.ts';

export interface ReceivedEvent<Data> {
  id: string;
  type: string;
  source: string;
  topic: string;
  time?: string;
  data: Data;
}

export interface EventSubscription<Data, Tx> {
  topic: string;
  /** The route that the topic's Subscription resource (components/) delivers to. */
  path: string;
  schema: z.ZodType<Data>;
  /** The app ids that publish the topic. An event whose CloudEvent `source` names another is
   * logged and acknowledged unhandled: retrying it could never make it the owner's. The source
   * is what the publisher wrote (Dapr keeps an app's own CloudEvent as it is), so this proves
   * nothing alone: the sidecars' publishing scopes (components/pubsub*.yaml) keep other apps
   * off the topic; this refuses what does not even claim to be the owner's (a tool, a test, a
   * publisher sending to the wrong topic). Left out: any source. */
  owners?: readonly string[];
  /** Absorbs a second delivery of an event id to this subscription (known by its path); the
   * handler's work joins its transaction. */
  inbox?: Inbox<Tx>;
  handle: (event: ReceivedEvent<Data>, tx: Tx) => Promise<void>;
}

/** What Dapr is told: SUCCESS (done), RETRY (try again, then the dead-letter topic),
 * DROP (never valid: straight to the dead-letter topic). */
export type DeliveryStatus = 'SUCCESS' | 'RETRY' | 'DROP';

const cloudEvent = z.object({
  id: z.string().min(1),
  type: z.string(),
  source: z.string(),
  topic: z.string().optional(),
  time: z.string().optional(),
  data: z.unknown(),
});

/** Thrown by a handler for an event that can never be handled, however often it comes again
 * (it contradicts what is known for good): Dapr drops it to the dead-letter topic. Any other
 * failure, even a conflict or a callee's "not found", may be a race that a later delivery wins,
 * so it is a RETRY. */
export class RejectedEventError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RejectedEventError';
  }
}

/** Handles one delivery, whatever its transport, and says what Dapr should do with it.
 * Never throws: a failure is a RETRY, never an acknowledgement. */
export async function deliverEvent<Data, Tx>(sub: EventSubscription<Data, Tx>, body: unknown, log: Logger): Promise<DeliveryStatus> {
  const started = performance.now();
  const outcome = await handleDelivery(sub, body, log);
  eventsHandled.inc({ topic: sub.topic, outcome });
  eventDuration.observe({ topic: sub.topic }, (performance.now() - started) / 1000);
  return outcome === 'DUPLICATE' || outcome === 'FOREIGN' ? 'SUCCESS' : outcome;
}

/** The event a delivery carries, or what to tell Dapr of one this subscription never handles. */
export function readEvent<Data>(sub: Pick<EventSubscription<Data, unknown>, 'topic' | 'owners' | 'schema'>, body: unknown, log: Logger): ReceivedEvent<Data> | 'DROP' | 'FOREIGN' {
  const envelope = cloudEvent.safeParse(body);
  if (!envelope.success) {
    log.warn({ topic: sub.topic, problems: envelope.error.issues }, 'not a CloudEvent; dropped');
    return 'DROP';
  }
  if (sub.owners && !sub.owners.includes(envelope.data.source)) {
    log.warn({ topic: sub.topic, eventId: envelope.data.id, source: envelope.data.source, owners: sub.owners }, 'event not from the topic\'s owner; acknowledged unhandled');
    return 'FOREIGN';
  }
  const data = sub.schema.safeParse(envelope.data.data);
  if (!data.success) {
    log.warn({ topic: sub.topic, eventId: envelope.data.id, problems: data.error.issues }, 'invalid event data; dropped');
    return 'DROP';
  }
  return { ...envelope.data, topic: sub.topic, data: data.data };
}

async function handleDelivery<Data, Tx>(sub: EventSubscription<Data, Tx>, body: unknown, log: Logger): Promise<DeliveryStatus | 'DUPLICATE' | 'FOREIGN'> {
  const event = readEvent(sub, body, log);
  if (typeof event === 'string') return event;
  try {
    if (!sub.inbox) {
      await sub.handle(event, undefined as Tx);
      return 'SUCCESS';
    }
    const outcome = await sub.inbox.once(sub.path, event.id, sub.topic, (tx) => sub.handle(event, tx));
    return outcome === 'duplicate' ? 'DUPLICATE' : 'SUCCESS';
  } catch (error) {
    if (error instanceof RejectedEventError) {
      log.warn({ err: error, topic: sub.topic, eventId: event.id }, 'event rejected; dropped');
      return 'DROP';
    }
    log.error({ err: error, topic: sub.topic, eventId: event.id }, 'event handling failed; Dapr will retry');
    return 'RETRY';
  }
}

/** A koa route for Dapr's deliveries of one topic to an HTTP app. It always answers 200 with
 * a status, so a thrown error is a RETRY, never an acknowledgement; a caller that is not the
 * app's own sidecar (no APP_API_TOKEN) gets 401 and nothing is handled. */
export function subscription<Data, Tx = undefined>(sub: EventSubscription<Data, Tx>, log: Logger): AnyRoute {
  return defineRoute({
    method: 'post',
    path: sub.path,
    summary: `Dapr delivers ${sub.topic} events here`,
    responses: {
      200: { description: 'SUCCESS, RETRY or DROP', schema: z.object({ status: z.enum(['SUCCESS', 'RETRY', 'DROP']) }) },
      401: { description: 'the caller is not the app\'s own sidecar' },
    },
    handle: async ({ ctx }) => {
      requireOwnSidecar(ctx.get(API_TOKEN_KEY));
      return { body: { status: await deliverEvent(sub, ctx.request.body, log) } };
    },
  });
}

import {
  AppError, DependencyUnavailableError, addToOutbox, defineRoute, subscription, withTransaction, z,
  type AnyRoute, type EventSubscription, type Inbox, type Logger, type Pool, type Publish, type Transaction,
} from '@pos/platform';
import { trace } from '@opentelemetry/api';
import type { ProbeClient } from './probe-client.ts';

const outgoing = z.object({
  topic: z.string().min(1),
  id: z.uuid().optional(),
  type: z.string().default('pos.probe.note.v1'),
  partitionKey: z.string().optional(),
  data: z.object({ note: z.string() }),
});

const note = z.object({ note: z.string() });

async function record(db: Pool | Transaction, eventId: string, topic: string, data: unknown): Promise<void> {
  await db.query('INSERT INTO received (event_id, topic, data) VALUES ($1, $2, $3)', [eventId, topic, JSON.stringify(data)]);
}

/** The probe's HTTP operations and its two subscriptions. */
export function probeRoutes(deps: { pool: Pool; publish: Publish; inbox: Inbox<Transaction>; peer: ProbeClient; log: Logger }): AnyRoute[] {
  const { pool, publish, inbox, peer, log } = deps;
  return [
    defineRoute({
      method: 'post', path: '/publish', summary: 'Publish an event through the sidecar now', body: outgoing,
      responses: { 202: { description: 'published', schema: z.object({ id: z.string() }) } },
      handle: async ({ body }) => ({ status: 202, body: { id: await publish(body.topic, body) } }),
    }),
    defineRoute({
      method: 'post', path: '/outbox', summary: 'Write an event to the outbox; the relay publishes it', body: outgoing,
      responses: { 202: { description: 'committed', schema: z.object({ id: z.string() }) } },
      handle: async ({ body }) => {
        const [id] = await withTransaction(pool, (tx) => addToOutbox(tx, [body]));
        return { status: 202, body: { id } };
      },
    }),
    defineRoute({
      method: 'get', path: '/received', summary: 'Events this probe handled, one row per handling',
      query: z.object({ topic: z.string() }),
      responses: { 200: { description: 'handlings' } },
      handle: async ({ query }) => {
        const { rows } = await pool.query('SELECT event_id, data FROM received WHERE topic = $1 ORDER BY seq', [query.topic]);
        return { body: rows.map((row) => ({ id: row.event_id, data: row.data })) };
      },
    }),
    defineRoute({
      method: 'post', path: '/echo-peer', summary: 'Call the peer probe over gRPC through both sidecars',
      body: z.object({ message: z.string(), failWith: z.string().default('') }),
      responses: { 200: { description: 'the peer answered' } },
      handle: async ({ body }) => ({ body: await peer.echo(body.message, body.failWith) }),
    }),
    defineRoute({
      method: 'get', path: '/slow', summary: 'Answers after a while: a request still in flight when the app is told to stop',
      query: z.object({ ms: z.coerce.number().int().min(0).max(8000) }),
      responses: { 200: { description: 'waited', schema: z.object({ waitedMs: z.number() }) } },
      handle: async ({ query }) => {
        await new Promise((resolve) => setTimeout(resolve, query.ms));
        return { body: { waitedMs: query.ms } };
      },
    }),
    subscription({
      topic: 'probe.events', path: '/events/probe', schema: note, inbox,
      handle: async (event, tx) => record(tx, event.id, event.topic, event.data),
    }, log),
    subscription({
      topic: 'probe.retry', path: '/events/probe-retry', schema: note,
      handle: async (event) => {
        await record(pool, event.id, event.topic, event.data);
        throw new DependencyUnavailableError('a dependency the probe pretends is down');
      },
    }, log),
  ];
}

/** What probe-b, a gRPC app, receives through Dapr's AppCallback service. */
export function grpcSubscription(deps: { inbox: Inbox<Transaction> }): EventSubscription<{ note: string }, Transaction> {
  return {
    topic: 'probe.grpc-events', path: '/events/probe-grpc', schema: note, inbox: deps.inbox,
    handle: async (event, tx) => record(tx, event.id, event.topic, event.data),
  };
}

/** The gRPC side: Echo, or the AppError the caller asked for. */
export function echoHandler(appId: string, log: Logger) {
  return async (request: { message: string; failWith: string }) => {
    log.info({ message: request.message }, 'echo');
    if (request.failWith) {
      throw new AppError(request.failWith as AppError['kind'], `PROBE.${request.failWith.toUpperCase()}`, `asked to fail with ${request.failWith}`);
    }
    return { message: request.message, appId, traceId: trace.getActiveSpan()?.spanContext().traceId ?? '' };
  };
}

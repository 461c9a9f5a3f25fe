import {
  AppError, DependencyUnavailableError, addToOutbox, defineRoute, subscription, withTransaction, z,
  type AnyRoute, type ErrorKind, type EventSubscription, type Inbox, type Logger, type Pool, type Publish, type StateStore, type Transaction,
  type UnaryMethods,
} from '@pos/platform';
import type { ProbeDefinition } from '@pos/platform/proto/pos/probe/v1/Probe.ts';
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

interface ProbeDeps { pool: Pool; publish: Publish; inbox: Inbox<Transaction>; peer: ProbeClient; state: StateStore<string>; log: Logger }

/** The probe's HTTP operations and the routes of its subscriptions. */
export function probeRoutes(deps: ProbeDeps): AnyRoute[] {
  const { pool, publish, peer, log } = deps;
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
    ...probeSubscriptions(deps).map((sub) => subscription(sub, log)),
  ];
}

/** What probe-a, an HTTP app, subscribes to. */
export function probeSubscriptions(deps: ProbeDeps): EventSubscription<{ note: string }, Transaction>[] {
  const { pool, inbox, state } = deps;
  return [
    {
      topic: 'probe.events', path: '/events/probe', schema: note, inbox,
      handle: async (event, tx) => record(tx, event.id, event.topic, event.data),
    },
    // A second subscription sharing the inbox: the same event id must be handled by both.
    {
      topic: 'probe.copies', path: '/events/probe-copies', schema: note, inbox,
      handle: async (event, tx) => record(tx, event.id, event.topic, event.data),
    },
    {
      topic: 'probe.retry', path: '/events/probe-retry', schema: note,
      handle: async (event) => {
        await record(pool, event.id, event.topic, event.data);
        throw new DependencyUnavailableError('a dependency the probe pretends is down');
      },
    },
    // The first delivery loses a real ETag race in the state store; a later one finds the entry.
    {
      topic: 'probe.conflicts', path: '/events/probe-conflicts', schema: note,
      handle: async (event) => {
        await record(pool, event.id, event.topic, event.data);
        const key = `probe-conflict-${event.id}`;
        if (await state.get(key)) return;
        await state.save(key, 'first');
        const stale = await state.get(key);
        await state.save(key, 'second', { etag: stale?.etag ?? '' });
        await state.save(key, 'lost', { etag: stale?.etag ?? '' });
      },
    },
  ];
}

/** What probe-b, a gRPC app, receives through Dapr's AppCallback service. */
export function grpcSubscription(deps: { inbox: Inbox<Transaction> }): EventSubscription<{ note: string }, Transaction> {
  return {
    topic: 'probe.grpc-events', path: '/events/probe-grpc', schema: note, inbox: deps.inbox,
    handle: async (event, tx) => record(tx, event.id, event.topic, event.data),
  };
}

const errorKinds = ['validation', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'too_many_requests', 'unavailable'] as const;

/** The gRPC side: Echo, or the AppError the caller asked for. */
export function probeMethods(appId: string): UnaryMethods<ProbeDefinition> {
  return {
    Echo: {
      request: z.object({ message: z.string().max(200), failWith: z.enum(errorKinds).or(z.literal('')) }),
      handle: async (request) => {
        if (request.failWith) {
          const kind = request.failWith as ErrorKind;
          throw new AppError(kind, `PROBE.${kind.toUpperCase()}`, `asked to fail with ${kind}`);
        }
        return { message: request.message, appId, traceId: trace.getActiveSpan()?.spanContext().traceId ?? '' };
      },
    },
  };
}

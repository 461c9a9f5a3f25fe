// Test events put on a topic the way its owner does: through the owner's own sidecar (with its
// API token) and with the owner as the CloudEvent source. Anyone else is refused by the
// sidecars' publishing scopes (components/pubsub.yaml) or ignored by the subscribers.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { probe, service } from './stack.ts';
import { sidecarHeaders } from './sidecar-tokens.ts';

/** Who publishes each topic of the five apps. */
export const TOPIC_OWNERS: Record<string, string> = {
  'pos.users': 'user', 'pos.session-revocations': 'user', 'pos.tills': 'user',
  'pos.products': 'product',
  'pos.stock': 'inventory', 'pos.reservations': 'inventory',
  'pos.orders': 'order',
};

export interface TestEvent {
  id?: string;
  type: string;
  data: unknown;
  /** The Kafka key; events of one key stay in order. */
  partitionKey?: string;
  /** The CloudEvent source: the publishing app unless given. */
  source?: string;
}

/** Publishes one CloudEvent through `app`'s sidecar (one of the five or a probe) on `pubsub`;
 * its answer as it came. */
export async function publishThrough(app: string, topic: string, event: TestEvent, pubsub = 'pubsub'): Promise<Response> {
  const key = event.partitionKey ? `?metadata.partitionKey=${encodeURIComponent(event.partitionKey)}` : '';
  const sidecarHttp = (app === 'probe-a' || app === 'probe-b' ? probe(app) : service(app)).sidecarHttp;
  return fetch(`http://127.0.0.1:${sidecarHttp}/v1.0/publish/${pubsub}/${topic}${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents+json', ...sidecarHeaders(app) },
    body: JSON.stringify({
      specversion: '1.0', id: event.id ?? randomUUID(), source: event.source ?? app, type: event.type,
      time: new Date().toISOString(), datacontenttype: 'application/json', data: event.data,
    }),
  });
}

/** Publishes one event as the topic's owner; resolves to its id. */
export async function publishAsOwner(topic: string, event: TestEvent): Promise<string> {
  const owner = TOPIC_OWNERS[topic];
  if (!owner) throw new Error(`no owner known for ${topic}`);
  const id = event.id ?? randomUUID();
  const response = await publishThrough(owner, topic, { ...event, id });
  assert.equal(response.status, 204, await response.text());
  return id;
}

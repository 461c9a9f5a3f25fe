import { randomUUID } from 'node:crypto';
import type { DaprClient } from '@dapr/dapr';
import { sidecar, sidecarApiHeaders, sidecarFailure } from './sidecar.ts';

export interface OutgoingEvent {
  /** The CloudEvent id; consumers drop a second delivery of the same id. Stable across retries. */
  id?: string;
  /** What happened, namespaced and versioned: `pos.product.created.v1`. */
  type: string;
  data: unknown;
  /** Events with the same key land on the same Kafka partition, so they stay in order. */
  partitionKey?: string;
  time?: string;
}

export type Publish = (topic: string, event: OutgoingEvent) => Promise<string>;

/** Publishes through the sidecar as a CloudEvent we build, so its id is ours; throws when the
 * sidecar refuses (the SDK only returns the error). Resolves to the event id. */
export function createPublisher(client: DaprClient, pubsub = 'pubsub'): Publish {
  return async (topic, event) => {
    const id = event.id ?? randomUUID();
    const cloudEvent = {
      specversion: '1.0',
      id,
      source: sidecar.appId,
      type: event.type,
      time: event.time ?? new Date().toISOString(),
      datacontenttype: 'application/json',
      data: event.data,
    };
    const result = await client.pubsub.publish(pubsub, topic, cloudEvent, {
      contentType: 'application/cloudevents+json',
      ...(event.partitionKey && { metadata: { partitionKey: event.partitionKey } }),
    });
    if (result.error) throw sidecarFailure(`publish to ${topic}`, result.error);
    return id;
  };
}

/** Publishes many events to one topic in one request; resolves to the ids of the events the
 * sidecar did not publish, with its reason. Throws only when the sidecar did not answer. */
export type PublishBulk = (topic: string, events: (OutgoingEvent & { id: string; traceparent?: string })[]) => Promise<Map<string, string>>;

interface BulkFailure { failedEntries?: { entryId: string; error?: string }[]; message?: string }

/** Dapr's bulk publish (`/v1.0-alpha1/publish/bulk`): one HTTP request and one Kafka produce
 * for the whole list. Each entry keeps its CloudEvent id, trace and partition key. */
export function createBulkPublisher(httpPort = sidecar.httpPort, pubsub = 'pubsub', apiToken = sidecar.apiToken): PublishBulk {
  return async (topic, events) => {
    const entries = events.map((event) => ({
      entryId: event.id,
      contentType: 'application/cloudevents+json',
      event: {
        specversion: '1.0', id: event.id, source: sidecar.appId, type: event.type,
        time: event.time ?? new Date().toISOString(), datacontenttype: 'application/json', data: event.data,
        // Dapr keeps a trace the event already carries, so each event stays in its writer's trace.
        ...(event.traceparent && { traceparent: event.traceparent, traceid: event.traceparent }),
      },
      ...(event.partitionKey && { metadata: { partitionKey: event.partitionKey } }),
    }));
    const response = await fetch(`http://127.0.0.1:${httpPort}/v1.0-alpha1/publish/bulk/${pubsub}/${encodeURIComponent(topic)}`, {
      method: 'POST', body: JSON.stringify(entries),
      headers: { 'content-type': 'application/json', ...sidecarApiHeaders(apiToken) },
    });
    const failed = new Map<string, string>();
    if (response.ok) return failed;
    const text = await response.text();
    let body: BulkFailure = {};
    try { body = JSON.parse(text) as BulkFailure; } catch { /* not JSON: every entry failed */ }
    const listed = body.failedEntries ?? [];
    // A refusal that names no entry (bad topic, no pub/sub) is a failure of every entry.
    if (listed.length === 0) for (const event of events) failed.set(event.id, `${response.status} ${body.message ?? text}`);
    for (const entry of listed) failed.set(entry.entryId, entry.error ?? `${response.status}`);
    return failed;
  };
}

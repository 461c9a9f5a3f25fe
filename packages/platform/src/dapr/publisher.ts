import { randomUUID } from 'node:crypto';
import type { DaprClient } from '@dapr/dapr';
import { sidecar, sidecarFailure } from './sidecar.ts';

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

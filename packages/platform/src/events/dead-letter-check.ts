import { sidecar, sidecarApiHeaders } from '../dapr/sidecar.ts';

interface DeclaredSubscription { pubsubname?: string; topic: string; deadLetterTopic?: string }

/** The topics served here that the sidecar has no Subscription for, or one without a
 * dead-letter topic. */
export function topicsWithoutDeadLetter(served: readonly { topic: string }[], declared: readonly DeclaredSubscription[]): string[] {
  return served.map((sub) => sub.topic)
    .filter((topic) => !declared.some((d) => d.topic === topic && (d.deadLetterTopic ?? '') !== ''));
}

/** Refuses to start an app that serves a subscription without a dead-letter topic: Dapr's
 * Kafka component would retry its failing event forever and block its partition. Reads the
 * declarative subscriptions from the app's own sidecar (`/v1.0/metadata`). */
export async function requireDeadLetterTopics(served: readonly { topic: string }[], httpPort = sidecar.httpPort, apiToken = sidecar.apiToken): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/v1.0/metadata`, { headers: sidecarApiHeaders(apiToken) });
  if (!response.ok) throw new Error(`the Dapr sidecar's metadata answered ${response.status}`);
  const { subscriptions = [] } = await response.json() as { subscriptions?: DeclaredSubscription[] };
  const missing = topicsWithoutDeadLetter(served, subscriptions);
  if (missing.length > 0) throw new Error(`subscriptions without a dead-letter topic: ${missing.join(', ')}`);
}

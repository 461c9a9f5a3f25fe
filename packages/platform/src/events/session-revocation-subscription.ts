import {
  SESSION_REVOCATION_TOPIC, sessionRevocation, sessionRevocations, type SessionRevocation, type SessionRevocations,
} from '../auth/session-revocations.ts';
import type { EventSubscription } from './subscription.ts';

/** The subscription every service serves (one line: `subscription(...)` in an HTTP app's
 * routes, `addSubscriptionsOverGrpc` in a gRPC app). No inbox: adding is idempotent. */
export function sessionRevocationSubscription(list: SessionRevocations = sessionRevocations): EventSubscription<SessionRevocation, undefined> {
  return {
    topic: SESSION_REVOCATION_TOPIC,
    path: '/events/session-revocations',
    owners: ['user'],
    schema: sessionRevocation,
    handle: async (event) => list.add(event.data),
  };
}

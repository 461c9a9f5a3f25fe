import { SESSION_REVOCATION_EVENT, SESSION_REVOCATION_TOPIC, type OutboxEvent, type SessionRevocation } from '@pos/platform';
import type { User } from '../domain/user.ts';

/** Topic of every account event; the user id is the partition key, so one account's events stay in order. */
export const USER_TOPIC = 'pos.users';

const event = (type: string, user: User, extra: object = {}): OutboxEvent => ({
  topic: USER_TOPIC,
  type,
  partitionKey: user.id,
  data: { userId: user.id, email: user.email, name: user.name, role: user.role, active: user.active, ...extra },
});

export const userCreated = (user: User) => event('pos.user.created.v1', user);
export const roleChanged = (user: User, previousRole: string) => event('pos.user.role-changed.v1', user, { previousRole });
export const userDeactivated = (user: User) => event('pos.user.deactivated.v1', user);

/** Every access token of the user below `generation` is refused by every service from now on.
 * Kept by them until the last such token has expired: one access-token lifetime from now, plus
 * a minute for a refresh that read the old generation just before the commit and signs after it. */
export function sessionsRevoked(userId: string, generation: number, accessTokenTtlSeconds: number): OutboxEvent {
  const until = new Date(Date.now() + (accessTokenTtlSeconds + 60) * 1000).toISOString();
  const data: SessionRevocation = { userId, belowGeneration: generation, until };
  return { topic: SESSION_REVOCATION_TOPIC, type: SESSION_REVOCATION_EVENT, partitionKey: userId, data };
}

import type { OutboxEvent } from '@pos/platform';
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

import { addToOutbox, withTransaction, type OutboxEvent, type Principal, type Role, type Transaction } from '@pos/platform';
import { assertNotSelf, existingUser, type User } from '../domain/user.ts';
import { roleChanged, sessionsRevoked, userDeactivated } from '../events/user-events.ts';
import { addAudit, findUser, updateUser, type UserChanges } from '../store/user.store.ts';
import type { UserServiceDeps } from './deps.ts';

/** Applies changes with their audit row and events in one transaction. A new role ends the
 * user's sessions (no token anywhere still claims the old role); ending them publishes their
 * revocation, so every service refuses the user's current access tokens. */
export async function changeUser(
  deps: UserServiceDeps, actor: Principal, userId: string, action: string, changes: UserChanges,
  events: (before: User, after: User) => OutboxEvent[] = () => [],
): Promise<User> {
  return withTransaction(deps.pool, async (tx: Transaction) => {
    const before = existingUser(await findUser(tx, userId), userId);
    const endSessions = changes.endSessions === true || (changes.role !== undefined && changes.role !== before.role);
    const { user: after, sessionGeneration } = existingUser(await updateUser(tx, userId, { ...changes, endSessions }), userId);
    const { passwordHash, ...visible } = changes;
    await addAudit(tx, { userId, actorId: actor.id, action, changes: passwordHash ? { ...visible, password: 'changed' } : visible });
    const revocation = endSessions ? [sessionsRevoked(userId, sessionGeneration, deps.settings.accessTokenTtlSeconds)] : [];
    await addToOutbox(tx, [...events(before, after), ...revocation]);
    return after;
  });
}

export function renameUser(deps: UserServiceDeps, actor: Principal, userId: string, name: string): Promise<User> {
  return changeUser(deps, actor, userId, 'renamed', { name });
}

export function changeRole(deps: UserServiceDeps, actor: Principal, userId: string, role: Role): Promise<User> {
  assertNotSelf(actor, userId, 'change the role of');
  return changeUser(deps, actor, userId, 'role-changed', { role },
    (before, after) => (before.role === after.role ? [] : [roleChanged(after, before.role)]));
}

/** A deactivated user can no longer log in, and every session they had ends at once, in the
 * same transaction (see the session generation in the migrations). */
export function deactivateUser(deps: UserServiceDeps, actor: Principal, userId: string): Promise<User> {
  assertNotSelf(actor, userId, 'deactivate');
  return changeUser(deps, actor, userId, 'deactivated', { active: false, endSessions: true },
    (before) => (before.active ? [userDeactivated({ ...before, active: false })] : []));
}

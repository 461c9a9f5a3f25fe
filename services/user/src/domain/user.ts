import { ConflictError, NotFoundError, type Principal, type Role } from '@pos/platform';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The user looked up by id, or the 404 that says there is none. */
export function existingUser<T>(user: T | undefined, id: string): T {
  if (!user) throw new NotFoundError('USER.NOT_FOUND', `no user ${id}`);
  return user;
}

/** Emails compare without case; they are kept as typed but trimmed. */
export const normalizeEmail = (email: string): string => email.trim();

/** An admin cannot take away their own admin rights or deactivate themselves: the shop must
 * never be left without someone who can manage accounts by one slip. */
export function assertNotSelf(actor: Principal, targetId: string, what: string): void {
  if (actor.id === targetId) throw new ConflictError('USER.SELF_CHANGE', `you cannot ${what} your own account`);
}

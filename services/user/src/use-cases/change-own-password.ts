import { ForbiddenError, type Principal } from '@pos/platform';
import { hashPassword, verifyPassword } from '../domain/password.ts';
import { passwordHashOf } from '../store/user.store.ts';
import { changeUser } from './change-user.ts';
import type { UserServiceDeps } from './deps.ts';

/** Needs the current password, so a borrowed unlocked till cannot take over the account.
 * Other sessions end: whoever knew the old password is logged out. */
export async function changeOwnPassword(deps: UserServiceDeps, me: Principal, currentPassword: string, newPassword: string): Promise<void> {
  const stored = await passwordHashOf(deps.pool, me.id);
  const check = stored ? await verifyPassword(currentPassword, stored, deps.settings.password) : { ok: false };
  if (!check.ok) throw new ForbiddenError('the current password is wrong', 'USER.WRONG_PASSWORD');
  await changeUser(deps, me, me.id, 'password-changed', { passwordHash: await hashPassword(newPassword, deps.settings.password) });
  await deps.sessions.revokeAllOf(me.id);
}

import { ForbiddenError, type Principal } from '@pos/platform';
import { existingUser } from '../domain/user.ts';
import { hashPassword, verifyPassword } from '../domain/password.ts';
import { findCredentialsById } from '../store/user.store.ts';
import { changeUser } from './change-user.ts';
import type { UserServiceDeps } from './deps.ts';
import { reservePasswordCheck } from './reserve-password-check.ts';

/** Needs the current password, so a borrowed unlocked till cannot take over the account; a
 * wrong one counts against the same limits as a login. Every session ends in the same
 * transaction as the change: whoever knew the old password is logged out. */
export async function changeOwnPassword(deps: UserServiceDeps, me: Principal, currentPassword: string, newPassword: string, address: string): Promise<void> {
  const found = existingUser(await findCredentialsById(deps.pool, me.id), me.id);
  const check = await reservePasswordCheck(deps, found.user.email, { address });
  const result = await verifyPassword(currentPassword, found.passwordHash, deps.settings.password);
  if (!result.ok) throw new ForbiddenError('the current password is wrong', 'USER.WRONG_PASSWORD');
  await check.passed();
  const passwordHash = await hashPassword(newPassword, deps.settings.password);
  await changeUser(deps, me, me.id, 'password-changed', { passwordHash, endSessions: true });
}

import { TooManyRequestsError, UnauthorizedError } from '@pos/platform';
import { secondsLocked } from '../domain/login-policy.ts';
import { hashPassword, spendPasswordCheckTime, verifyPassword } from '../domain/password.ts';
import { findCredentials, recordFailedLogin, recordSuccessfulLogin } from '../store/user.store.ts';
import type { UserServiceDeps } from './deps.ts';
import { issueTokens, type TokenPair } from './issue-tokens.ts';

/** One answer for an unknown email, a wrong password and a deactivated account. */
const invalidCredentials = () => new UnauthorizedError('the email or the password is wrong', 'AUTH.INVALID_CREDENTIALS');

export async function login(deps: UserServiceDeps, email: string, password: string): Promise<TokenPair> {
  const { pool, settings } = deps;
  const found = await findCredentials(pool, email);
  if (!found) {
    await spendPasswordCheckTime(password, settings.password);
    throw invalidCredentials();
  }
  const locked = secondsLocked(found.lockedUntil);
  if (locked > 0) throw new TooManyRequestsError('AUTH.LOCKED', 'too many wrong passwords; try again later', locked);

  const check = await verifyPassword(password, found.passwordHash, settings.password);
  if (!check.ok) {
    await recordFailedLogin(pool, found.user.id, settings.login);
    throw invalidCredentials();
  }
  if (!found.user.active) throw invalidCredentials();
  // The password is known only now: the moment to store it under stronger parameters.
  await recordSuccessfulLogin(pool, found.user.id, check.needsRehash ? await hashPassword(password, settings.password) : undefined);
  return issueTokens(deps, found.user);
}

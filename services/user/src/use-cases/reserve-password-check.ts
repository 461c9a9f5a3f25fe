import { TooManyRequestsError } from '@pos/platform';
import { limitOf, secondsUntil, throttleKeys, type LoginSource } from '../domain/login-policy.ts';
import { forgiveAttempt, pruneEndedWindows, reserveAttempts } from '../store/login-throttle.store.ts';
import type { UserServiceDeps } from './deps.ts';

/** Reserves one password check for the account at this source and one from the source's
 * budget before any password is compared, so a burst gets no more checks than the policy
 * allows and a right password sent after the limit does not win. The caller reports a right
 * password with `passed()`. */
export async function reservePasswordCheck(deps: UserServiceDeps, email: string, from: LoginSource): Promise<{ passed(): Promise<void> }> {
  const policy = deps.settings.login;
  // Each login clears away a few ended windows, so the table holds about one window's logins.
  await pruneEndedWindows(deps.pool);
  const keys = throttleKeys(email, from);
  const reservations = await reserveAttempts(deps.pool, [keys.account, keys.source], policy.windowSeconds);
  const over = reservations.filter((r) => r.attempts > limitOf(r.key, policy));
  if (over.length > 0) {
    const until = new Date(Math.max(...over.map((r) => r.windowEnds.getTime())));
    throw new TooManyRequestsError('AUTH.LOCKED', 'too many failed logins; try again later', secondsUntil(until));
  }
  return { passed: () => forgiveAttempt(deps.pool, keys.account, keys.source) };
}

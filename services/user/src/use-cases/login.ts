import { UnauthorizedError } from '@pos/platform';
import { hashPassword, spendPasswordCheckTime, verifyPassword } from '../domain/password.ts';
import type { TillCredential } from '../domain/till.ts';
import { findCredentials, rehashPassword } from '../store/user.store.ts';
import type { UserServiceDeps } from './deps.ts';
import { issueTokens, type TokenPair } from './issue-tokens.ts';
import { reservePasswordCheck } from './reserve-password-check.ts';
import { verifyTill } from './tills.ts';

/** One answer for an unknown email, a wrong password and a deactivated account. */
const invalidCredentials = () => new UnauthorizedError('the email or the password is wrong', 'AUTH.INVALID_CREDENTIALS');

/** Where a login comes from: the client's address as the HTTP edge trusts it (see
 * TRUST_PROXY_HOPS), and the credential of the registered till it is made at, if any. */
export interface LoginAt {
  address: string;
  till?: TillCredential;
}

/** A login at a registered till proves the till first (a wrong key costs no password check),
 * is then counted against the till and not the address, and its tokens name the till. An
 * unknown email takes the same steps as a known one (a reserved check, a password's cost), so
 * that neither the answer nor its time tells which emails have accounts: the answers are
 * compared in test/lockout.test.ts, the times only measured, by bench/login.bench.ts. */
export async function login(deps: UserServiceDeps, email: string, password: string, at: LoginAt): Promise<TokenPair> {
  const { pool, settings } = deps;
  const till = at.till && await verifyTill(deps, at.till);
  const found = await findCredentials(pool, email);
  const check = await reservePasswordCheck(deps, email, till ? { till: till.id } : { address: at.address });
  if (!found) {
    await spendPasswordCheckTime(password, settings.password);
    throw invalidCredentials();
  }
  const result = await verifyPassword(password, found.passwordHash, settings.password);
  if (!result.ok || !found.user.active) throw invalidCredentials();
  await check.passed();
  // The password is known only now: the moment to store it under stronger parameters.
  if (result.needsRehash) await rehashPassword(pool, found.user.id, await hashPassword(password, settings.password));
  return issueTokens(deps, found.user, { generation: found.sessionGeneration, ...(till && { till }) });
}

import { ConflictError, UnauthorizedError, type Pool, type Principal } from '@pos/platform';
import { seal, unseal } from '../domain/sealed.ts';
import type { Till, TillCredential } from '../domain/till.ts';
import type { User } from '../domain/user.ts';
import { tokenKey, type RefreshTokenEntry } from '../store/session.store.ts';
import { findSessionHolder } from '../store/user.store.ts';
import { changeUser } from './change-user.ts';
import type { UserServiceDeps } from './deps.ts';
import { issueTokens, type TokenPair } from './issue-tokens.ts';
import { verifyTill } from './tills.ts';

const refused = (why: string, code = 'AUTH.INVALID_REFRESH_TOKEN') => new UnauthorizedError(why, code);

/** Exchanges a refresh token for a new pair. Each token works once; a second use means it
 * leaked, so the whole session family (the login and all its rotations) is revoked. Except
 * a retry: a till whose response was lost sends the same token again, and within a short
 * window, while the new token is still unused, it gets the same pair back.
 *
 * A session started at a registered till stays at that till: its tokens refresh only with
 * that till's credential (and not once the till is revoked), and the new access token names
 * the till again. So a refresh token taken from a till is of no use without the till's key,
 * and one from elsewhere cannot be turned into a till's. A mismatch is refused before
 * anything is spent, so it does not revoke the session of the till it came from. */
export async function refreshSession(deps: UserServiceDeps, refreshToken: string, tillCredential?: TillCredential): Promise<TokenPair> {
  const { sessions } = deps;
  const till = tillCredential && await verifyTill(deps, tillCredential);
  const found = await sessions.findToken(refreshToken);
  if (!found) throw refused('the refresh token is unknown or expired');
  assertSameTill(found.value, till);
  const { userId, familyId, generation } = found.value;
  if (await sessions.isFamilyRevoked(familyId)) throw refused('this session has been revoked');
  const user = await currentHolder(deps.pool, userId, generation);
  if (found.value.used) return retryOrRevoke(deps, refreshToken, found.value);

  // The new token is stored before the old one is marked used, so a retry never gets a
  // pair whose refresh token does not exist yet.
  const pair = await issueTokens(deps, user, { familyId, generation, ...(till && { till }) });
  const retryUntil = new Date(Date.now() + deps.settings.refreshRetrySeconds * 1000).toISOString();
  try {
    await sessions.markUsed(refreshToken, found, { successorKey: tokenKey(pair.refreshToken), sealedPair: seal(refreshToken, pair), retryUntil });
    return pair;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another exchange of this token won: a retry sent while the first try was in flight,
    // or a thief; retryOrRevoke tells them apart as for any second use.
    const winner = await sessions.findToken(refreshToken);
    if (!winner) throw refused('the refresh token is unknown or expired');
    return retryOrRevoke(deps, refreshToken, winner.value);
  }
}

function assertSameTill(entry: RefreshTokenEntry, till: Till | undefined): void {
  if (entry.tillId === till?.id) return;
  throw refused(entry.tillId ? 'this session was started at a till; refresh it with that till\'s credential' : 'this session was not started at a till',
    'TILL.MISMATCH');
}

/** The account behind a session, if the session still holds. The generation is read from
 * PostgreSQL at every exchange: a logout that committed while a refresh was in flight lets
 * that refresh return a pair, but the pair carries the old generation and its refresh token
 * is refused at its first use. */
async function currentHolder(pool: Pool, userId: string, generation: number): Promise<User> {
  const holder = await findSessionHolder(pool, userId);
  if (!holder?.user.active) throw refused('the account is deactivated');
  if (holder.sessionGeneration !== generation) throw refused('this session has been revoked');
  return holder.user;
}

async function retryOrRevoke(deps: UserServiceDeps, refreshToken: string, entry: RefreshTokenEntry): Promise<TokenPair> {
  const { exchange } = entry;
  if (exchange && Date.now() < Date.parse(exchange.retryUntil)) {
    const successor = await deps.sessions.findTokenByKey(exchange.successorKey);
    if (successor && !successor.value.used) return unseal<TokenPair>(refreshToken, exchange.sealedPair);
  }
  await deps.sessions.revokeFamily(entry.familyId, entry.userId);
  throw refused('the refresh token was used before; the session is revoked', 'AUTH.REFRESH_TOKEN_REUSED');
}

/** Logout: every session of the user ends; access tokens lapse within their short lifetime. */
export async function endAllSessions(deps: UserServiceDeps, me: Principal): Promise<void> {
  await changeUser(deps, me, me.id, 'logged-out-everywhere', { endSessions: true });
}

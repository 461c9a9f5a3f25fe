import { ConflictError, UnauthorizedError } from '@pos/platform';
import { findUser } from '../store/user.store.ts';
import type { UserServiceDeps } from './deps.ts';
import { issueTokens, type TokenPair } from './issue-tokens.ts';

const refused = (why: string, code = 'AUTH.INVALID_REFRESH_TOKEN') => new UnauthorizedError(why, code);

/** Exchanges a refresh token for a new pair. Each token works once: a second use means it
 * leaked, so the whole session family (the login and all its rotations) is revoked. */
export async function refreshSession(deps: UserServiceDeps, refreshToken: string): Promise<TokenPair> {
  const { sessions, pool } = deps;
  const found = await sessions.findToken(refreshToken);
  if (!found) throw refused('the refresh token is unknown or expired');
  const { userId, familyId, issuedAt, used } = found.value;

  if (await sessions.isFamilyRevoked(familyId)) throw refused('this session has been revoked');
  if (used) {
    await sessions.revokeFamily(familyId, userId);
    throw refused('the refresh token was used before; the session is revoked', 'AUTH.REFRESH_TOKEN_REUSED');
  }
  try {
    await sessions.markUsed(refreshToken, found);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    await sessions.revokeFamily(familyId, userId); // two exchanges of one token at once: a replay
    throw refused('the refresh token was used before; the session is revoked', 'AUTH.REFRESH_TOKEN_REUSED');
  }
  const revokedAt = await sessions.allRevokedAt(userId);
  if (revokedAt && revokedAt >= issuedAt) throw refused('this session has been revoked');
  const user = await findUser(pool, userId);
  if (!user?.active) throw refused('the account is deactivated');
  return issueTokens(deps, user, familyId);
}

/** Logout: every session of the user ends; access tokens lapse within their short lifetime. */
export async function endAllSessions(deps: UserServiceDeps, userId: string): Promise<void> {
  await deps.sessions.revokeAllOf(userId);
}

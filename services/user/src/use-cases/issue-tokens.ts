import { randomBytes, randomUUID } from 'node:crypto';
import { issueAccessToken } from '../domain/access-token.ts';
import { claimOf, type Till } from '../domain/till.ts';
import type { User } from '../domain/user.ts';
import type { UserServiceDeps } from './deps.ts';

export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: User;
}

/** A new access token and a new refresh token in the user's current session `generation`;
 * the refresh token joins `familyId` (a rotation), or starts a new family (a login). At a
 * registered `till`, the access token names it and the refresh token is bound to it. */
export async function issueTokens(deps: UserServiceDeps, user: User, session: { generation: number; familyId?: string; till?: Till }): Promise<TokenPair> {
  const { settings, keys, sessions } = deps;
  const familyId = session.familyId ?? randomUUID();
  if (!session.familyId) await sessions.startFamily(familyId, user.id);
  const refreshToken = randomBytes(32).toString('base64url');
  const { till } = session;
  await sessions.saveToken(refreshToken, { userId: user.id, familyId, generation: session.generation, used: false, ...(till && { tillId: till.id }) });
  return {
    tokenType: 'Bearer',
    accessToken: await issueAccessToken(user, session.generation, keys, settings.accessTokenTtlSeconds, till && claimOf(till)),
    expiresIn: settings.accessTokenTtlSeconds,
    refreshToken,
    refreshExpiresIn: settings.refreshTokenTtlSeconds,
    user,
  };
}

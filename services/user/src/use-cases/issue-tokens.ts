import { randomBytes, randomUUID } from 'node:crypto';
import { issueAccessToken } from '../domain/access-token.ts';
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

/** A new access token and a new refresh token; the refresh token joins `familyId` (a
 * rotation), or starts a new family (a login). */
export async function issueTokens(deps: UserServiceDeps, user: User, familyId?: string): Promise<TokenPair> {
  const { settings, keys, sessions } = deps;
  const family = familyId ?? randomUUID();
  if (!familyId) await sessions.startFamily(family, user.id);
  const refreshToken = randomBytes(32).toString('base64url');
  await sessions.saveToken(refreshToken, { userId: user.id, familyId: family, issuedAt: new Date().toISOString(), used: false });
  return {
    tokenType: 'Bearer',
    accessToken: await issueAccessToken(user, keys, settings.accessTokenTtlSeconds),
    expiresIn: settings.accessTokenTtlSeconds,
    refreshToken,
    refreshExpiresIn: settings.refreshTokenTtlSeconds,
    user,
  };
}

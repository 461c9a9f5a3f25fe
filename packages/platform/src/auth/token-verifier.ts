import type { DaprClient } from '@dapr/dapr';
import { HttpMethod } from '@dapr/dapr';
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';
import { DependencyUnavailableError, UnauthorizedError } from '../errors/app-errors.ts';

export const ROLES = ['admin', 'manager', 'cashier'] as const;
export type Role = (typeof ROLES)[number];

/** Who a verified access token says the caller is. */
export interface Principal {
  id: string;
  role: Role;
  name: string;
}

/** The token contract between the user service (issuer) and every other service. */
export const TOKEN_ISSUER = 'pos-user';
export const TOKEN_AUDIENCE = 'pos';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

// A kid we do not know may be a key the issuer has just rotated to: fetch the set again,
// but not more often than this, so forged kids cannot make us hammer the issuer.
const REFETCH_AFTER_MS = 10_000;

/** Verifies RS256 access tokens against a JWKS that `loadKeys` fetches, caching it and
 * fetching again when a token names a key id the cached set does not have. */
export function jwksTokenVerifier(loadKeys: () => Promise<JSONWebKeySet>): TokenVerifier {
  // The set being fetched is shared, so a burst of requests on a cold cache fetches it once.
  let cached: Promise<{ keys: ReturnType<typeof createLocalJWKSet>; fetchedAt: number }> | undefined;

  const fetchKeys = async () => {
    const jwks = await loadKeys().catch((error: unknown) => { throw new DependencyUnavailableError('the token issuer\'s keys', error); });
    return { keys: createLocalJWKSet(jwks), fetchedAt: Date.now() };
  };

  const keySet = async (refresh: boolean) => {
    const current = cached && (await cached.catch(() => undefined));
    if (!current || (refresh && Date.now() - current.fetchedAt > REFETCH_AFTER_MS)) {
      cached = fetchKeys();
      return (await cached).keys;
    }
    return current.keys;
  };

  const verifyWith = async (token: string, refresh: boolean) =>
    jwtVerify(token, await keySet(refresh), { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['RS256'] });

  return {
    async verify(token) {
      let result;
      try {
        result = await verifyWith(token, false).catch((error: unknown) => {
          if (error instanceof joseErrors.JWKSNoMatchingKey) return verifyWith(token, true);
          throw error;
        });
      } catch (error) {
        if (error instanceof DependencyUnavailableError) throw error;
        throw new UnauthorizedError(describe(error), 'AUTH.INVALID_TOKEN');
      }
      const { sub, role, name } = result.payload;
      if (typeof sub !== 'string' || !ROLES.includes(role as Role) || typeof name !== 'string') {
        throw new UnauthorizedError('the token lacks sub, role or name', 'AUTH.INVALID_TOKEN');
      }
      return { id: sub, role: role as Role, name };
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  return 'the token is not valid';
}

/** The user service's JWKS, fetched through this app's sidecar (service invocation). */
export const jwksFromUserService = (dapr: DaprClient, appId = 'user') => async (): Promise<JSONWebKeySet> =>
  (await dapr.invoker.invoke(appId, '.well-known/jwks.json', HttpMethod.GET)) as JSONWebKeySet;

import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { sidecar, sidecarApiHeaders } from '../dapr/sidecar.ts';
import { DependencyUnavailableError, UnauthorizedError } from '../errors/app-errors.ts';
import { SESSION_GENERATION_CLAIM, sessionRevocations, type SessionRevocations } from './session-revocations.ts';

export const ROLES = ['admin', 'manager', 'cashier'] as const;
export type Role = (typeof ROLES)[number];

/** The registered till a token was issued at (its `till` claim): present only for a login
 * that presented the till's device credential. */
export interface TillClaim {
  id: string;
  code: string;
  outletId: string;
}

/** Who a verified access token says the caller is. */
export interface Principal {
  id: string;
  role: Role;
  name: string;
  till?: TillClaim;
}

/** The claim that names the till of a login at a registered till. */
export const TILL_CLAIM = 'till';

function tillOf(claim: unknown): TillClaim | undefined {
  if (claim === undefined) return undefined;
  const till = claim as Partial<TillClaim> | null;
  if (typeof till?.id !== 'string' || typeof till.code !== 'string' || typeof till.outletId !== 'string') {
    throw new UnauthorizedError('the token\'s till claim is malformed', 'AUTH.INVALID_TOKEN');
  }
  return { id: till.id, code: till.code, outletId: till.outletId };
}

/** The token contract between the user service (issuer) and every other service. */
export const TOKEN_ISSUER = 'pos-user';
export const TOKEN_AUDIENCE = 'pos';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export interface TokenVerifierOptions {
  revocations?: SessionRevocations;
  /** A token verified within this long is accepted again without checking its signature: an
   * RS256 check is a good part of a request's CPU, and a till sends the same token all along.
   * Its expiry and its session's revocation are still checked on every use; a key the issuer
   * stopped publishing is trusted this much longer. 0 (the default): every use is verified. */
  reuseVerifiedForMs?: number;
}

/** Tokens kept for reuse; past this many the list starts again (a flood of distinct tokens
 * costs a verification each, as without reuse, never memory). */
const MAX_REUSED = 10_000;

interface Verified { principal: Principal; generation: number; until: number }

/** Verifies RS256 access tokens against a key set: the issuer's JWKS fetched through the
 * sidecar (`jwksFromUserService`) or, in the issuer itself, the keys it holds (`localKeySet`).
 * A token whose session was revoked since it was issued (a logout everywhere, a password or
 * role change, a deactivation) is refused as soon as this process has heard of it. */
export function jwksTokenVerifier(keys: JWTVerifyGetKey, options: TokenVerifierOptions = {}): TokenVerifier {
  const { revocations = sessionRevocations, reuseVerifiedForMs = 0 } = options;
  const reused = new Map<string, Verified>();
  const unlessRevoked = ({ principal, generation }: Verified): Principal => {
    if (revocations.isRevoked(principal.id, generation)) throw new UnauthorizedError('the session of this token has been ended', 'AUTH.TOKEN_REVOKED');
    return principal;
  };
  return {
    async verify(token) {
      const known = reused.get(token);
      if (known && Date.now() < known.until) return unlessRevoked(known);
      const verified = await verifySignature(keys, token);
      if (reuseVerifiedForMs > 0) {
        if (reused.size >= MAX_REUSED) reused.clear();
        reused.set(token, { ...verified, until: Math.min(verified.until, Date.now() + reuseVerifiedForMs) });
      }
      return unlessRevoked(verified);
    },
  };
}

/** The token's principal, its session generation and its expiry, once its signature and claims are checked. */
async function verifySignature(keys: JWTVerifyGetKey, token: string): Promise<Verified> {
  let result;
  try {
    result = await jwtVerify(token, keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['RS256'] });
  } catch (error) {
    if (isKeySetFailure(error)) throw new DependencyUnavailableError('the token issuer\'s keys', error);
    throw new UnauthorizedError(describeTokenError(error), 'AUTH.INVALID_TOKEN');
  }
  const { sub, role, name, exp } = result.payload;
  if (typeof sub !== 'string' || !ROLES.includes(role as Role) || typeof name !== 'string') {
    throw new UnauthorizedError('the token lacks sub, role or name', 'AUTH.INVALID_TOKEN');
  }
  // A token issued before generations were claimed counts as generation 0: any revocation covers it.
  const generation = result.payload[SESSION_GENERATION_CLAIM] ?? 0;
  if (typeof generation !== 'number') throw new UnauthorizedError('the session of this token has been ended', 'AUTH.TOKEN_REVOKED');
  const till = tillOf(result.payload[TILL_CLAIM]);
  const principal: Principal = till ? { id: sub, role: role as Role, name, till } : { id: sub, role: role as Role, name };
  // Without an expiry (never issued so) it is not reused.
  return { principal, generation, until: typeof exp === 'number' ? exp * 1000 : 0 };
}

/** A failure to get the key set (fetch failed, timed out, not a JWKS), not a fault of the
 * token: jose raises those as errors of its own generic or JWKS kinds, or fetch's errors. */
export function isKeySetFailure(error: unknown): boolean {
  return !(error instanceof joseErrors.JOSEError) || error.code === 'ERR_JOSE_GENERIC'
    || error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid;
}

export function describeTokenError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  return 'the token is not valid';
}

export interface RemoteKeySetOptions {
  /** The app that publishes `/.well-known/jwks.json`. */
  appId?: string;
  /** The sidecar to ask, and the DAPR_API_TOKEN it wants; this app's own by default. */
  sidecarHttpPort?: number;
  apiToken?: string;
  /** After this long the set is fetched again, so a key the issuer stopped publishing stops
   * being trusted (jose's cacheMaxAge). */
  cacheMaxAgeMs?: number;
  /** A token whose kid is not in the set fetches it again (a key the issuer just rotated to),
   * but not within this long of the last fetch, so forged kids cannot hammer the issuer. */
  cooldownMs?: number;
}

/** The user service's JWKS through this app's sidecar (service invocation), with jose's cache:
 * refetched when older than cacheMaxAgeMs or on an unknown kid after cooldownMs, and one fetch
 * shared by every request that needs it meanwhile. */
export function jwksFromUserService(options: RemoteKeySetOptions = {}): JWTVerifyGetKey {
  const { appId = 'user', sidecarHttpPort = sidecar.httpPort, apiToken = sidecar.apiToken, cacheMaxAgeMs = 5 * 60_000, cooldownMs = 10_000 } = options;
  const url = new URL(`http://127.0.0.1:${sidecarHttpPort}/v1.0/invoke/${appId}/method/.well-known/jwks.json`);
  return createRemoteJWKSet(url, {
    cacheMaxAge: cacheMaxAgeMs, cooldownDuration: cooldownMs, timeoutDuration: 5000,
    headers: sidecarApiHeaders(apiToken),
  });
}

/** The keys an issuer holds itself, for verifying its own tokens. */
export const localKeySet = (jwks: JSONWebKeySet): JWTVerifyGetKey => createLocalJWKSet(jwks);

/** How a service verifies the user service's tokens: its JWKS through the sidecar, and a token
 * verified once accepted again for 30 s without another signature check. */
export const userServiceTokens = (): TokenVerifier => jwksTokenVerifier(jwksFromUserService(), { reuseVerifiedForMs: 30_000 });

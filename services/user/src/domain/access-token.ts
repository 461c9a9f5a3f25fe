import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { SESSION_GENERATION_CLAIM, TILL_CLAIM, TOKEN_AUDIENCE, TOKEN_ISSUER, type Principal, type TillClaim } from '@pos/platform';
import { exportJWK, SignJWT, type JSONWebKeySet } from 'jose';

export interface SigningKeys {
  kid: string;
  privateKey: KeyObject;
  /** The public keys others verify with: the current one and, during a rotation, the
   * retired ones whose tokens may still be alive. */
  jwks: JSONWebKeySet;
}

export async function signingKeys(privatePem: string, kid: string, retired: { kid: string; publicPem: string }[]): Promise<SigningKeys> {
  const privateKey = createPrivateKey(privatePem);
  const publicJwk = async (id: string, key: KeyObject) => ({ ...(await exportJWK(key)), kid: id, alg: 'RS256', use: 'sig' });
  const keys = [await publicJwk(kid, createPublicKey(privateKey))];
  for (const old of retired) keys.push(await publicJwk(old.kid, createPublicKey(old.publicPem)));
  return { kid, privateKey, jwks: { keys } };
}

/** A short-lived RS256 access token that every service verifies on its own. It carries the
 * user's session generation, so a revocation ("below generation G") can name it, and the
 * registered till it was issued at, if any (Principal.till for every service). */
export function issueAccessToken(user: Principal, sessionGeneration: number, keys: SigningKeys, ttlSeconds: number, till?: TillClaim): Promise<string> {
  return new SignJWT({ role: user.role, name: user.name, [SESSION_GENERATION_CLAIM]: sessionGeneration, ...(till && { [TILL_CLAIM]: till }) })
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .setJti(randomUUID())
    .sign(keys.privateKey);
}

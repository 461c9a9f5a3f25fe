// A verified token reused without another signature check: its expiry and its session's
// revocation still count on every use. No stack needed.
import assert from 'node:assert/strict';
import { SignJWT, exportJWK, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import { SessionRevocations } from '../src/auth/session-revocations.ts';
import { AppError, TOKEN_AUDIENCE, TOKEN_ISSUER, jwksTokenVerifier, localKeySet } from '../src/index.ts';

describe('reusing a verified token', () => {
  let sign: (expiresIn?: string) => Promise<string>;
  let keys: JWTVerifyGetKey;
  let lookups = 0;

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const local = localKeySet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256', use: 'sig' }] });
    keys = (...args) => { lookups++; return local(...args); }; // one lookup per signature check
    sign = (expiresIn = '5m') => new SignJWT({ role: 'cashier', name: 'Ani', gen: 2 }).setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setSubject('user-1').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setExpirationTime(expiresIn).sign(privateKey);
  });
  beforeEach(() => { lookups = 0; });

  const refusedAs = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

  it('a token verified once is accepted again without a signature check, and refused as soon as its session is revoked', async () => {
    const revocations = new SessionRevocations();
    const verifier = jwksTokenVerifier(keys, { revocations, reuseVerifiedForMs: 60_000 });
    const token = await sign();
    assert.equal((await verifier.verify(token)).id, 'user-1');
    assert.equal((await verifier.verify(token)).name, 'Ani');
    assert.equal(lookups, 1);
    revocations.add({ userId: 'user-1', belowGeneration: 3, until: new Date(Date.now() + 60_000).toISOString() });
    await assert.rejects(verifier.verify(token), refusedAs('AUTH.TOKEN_REVOKED'));
  });

  it('a reused token is refused once it expires', async () => {
    const verifier = jwksTokenVerifier(keys, { revocations: new SessionRevocations(), reuseVerifiedForMs: 60_000 });
    const token = await sign('1s');
    await verifier.verify(token);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await assert.rejects(verifier.verify(token), refusedAs('AUTH.INVALID_TOKEN'));
  });

  it('without reuse every use checks the signature; a tampered token is never taken for a reused one', async () => {
    const verifier = jwksTokenVerifier(keys, { revocations: new SessionRevocations() });
    const token = await sign();
    await verifier.verify(token);
    await verifier.verify(token);
    assert.equal(lookups, 2);
    const reusing = jwksTokenVerifier(keys, { revocations: new SessionRevocations(), reuseVerifiedForMs: 60_000 });
    await reusing.verify(token);
    await assert.rejects(reusing.verify(`${token.slice(0, -4)}AAAA`), refusedAs('AUTH.INVALID_TOKEN'));
  });
});

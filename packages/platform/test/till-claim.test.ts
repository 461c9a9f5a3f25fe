import assert from 'node:assert/strict';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { AppError, TOKEN_AUDIENCE, TOKEN_ISSUER, jwksTokenVerifier, localKeySet } from '../src/index.ts';

describe('the till claim of an access token', () => {
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  let verifier: ReturnType<typeof jwksTokenVerifier>;

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    verifier = jwksTokenVerifier(localKeySet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256', use: 'sig' }] }));
    sign = (claims) => new SignJWT({ role: 'cashier', name: 'Ani', ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setSubject('user-1').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setExpirationTime('5m').sign(privateKey);
  });

  it('a login at a registered till names the till in the principal', async () => {
    const principal = await verifier.verify(await sign({ till: { id: 't-1', code: 'T01', outletId: 'outlet-1' } }));
    assert.deepEqual(principal.till, { id: 't-1', code: 'T01', outletId: 'outlet-1' });
  });

  it('a login elsewhere has no till', async () => {
    assert.equal((await verifier.verify(await sign({}))).till, undefined);
  });

  it('a malformed till claim is an invalid token', async () => {
    await assert.rejects(verifier.verify(await sign({ till: { id: 't-1' } })), (error) => error instanceof AppError && error.code === 'AUTH.INVALID_TOKEN');
  });
});

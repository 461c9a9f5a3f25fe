import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import {
  AppError, APPROVAL_AUDIENCE, jwksTokenVerifier, localKeySet, SessionRevocations, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyApproval,
} from '../src/index.ts';

const claims = { name: 'Mgr Ani', role: 'manager', act: 'refund', ref: 'order-1', amt: 25_000, req: 'cashier-1', till: 'T01' };

describe('approvals (verifyApproval)', () => {
  let privateKey: CryptoKey;
  let keys: ReturnType<typeof localKeySet>;
  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    keys = localKeySet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  });

  const sign = (payload: object, options: { audience?: string; expires?: string | number } = {}) =>
    new SignJWT({ ...payload }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('manager-1').setIssuer(TOKEN_ISSUER)
      .setAudience(options.audience ?? APPROVAL_AUDIENCE).setIssuedAt().setExpirationTime(options.expires ?? '2m').setJti(randomUUID()).sign(privateKey);
  const refusedAs = (code: string, pattern?: RegExp) => (error: unknown) =>
    error instanceof AppError && error.code === code && (!pattern || pattern.test(error.message));

  it('an approval signed by the issuer gives its claims', async () => {
    const approval = await verifyApproval(await sign(claims), keys);
    assert.deepEqual({ ...approval, jti: undefined, exp: undefined }, { sub: 'manager-1', ...claims, jti: undefined, exp: undefined });
    assert.match(approval.jti, /^[0-9a-f-]{36}$/);
  });

  it('an access token is refused as an approval (its audience is the access tokens\')', async () => {
    const accessToken = await sign({ role: 'manager', name: 'Mgr Ani' }, { audience: TOKEN_AUDIENCE });
    await assert.rejects(verifyApproval(accessToken, keys), refusedAs('APPROVAL.INVALID', /aud/));
  });

  it('an approval is refused as an access token', async () => {
    const verifier = jwksTokenVerifier(keys, { revocations: new SessionRevocations() });
    await assert.rejects(verifier.verify(await sign(claims)), refusedAs('AUTH.INVALID_TOKEN', /aud/));
  });

  it('an expired approval is refused', async () => {
    const expired = await sign(claims, { expires: Math.floor(Date.now() / 1000) - 10 });
    await assert.rejects(verifyApproval(expired, keys), refusedAs('APPROVAL.INVALID', /expired/));
  });

  it('an approval for another audience is refused', async () => {
    await assert.rejects(verifyApproval(await sign(claims, { audience: 'pos-other' }), keys), refusedAs('APPROVAL.INVALID', /aud/));
  });

  it('an approval signed with another key is refused', async () => {
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('manager-1').setIssuer(TOKEN_ISSUER)
      .setAudience(APPROVAL_AUDIENCE).setExpirationTime('2m').setJti(randomUUID()).sign(other.privateKey);
    await assert.rejects(verifyApproval(forged, keys), refusedAs('APPROVAL.INVALID', /signature/));
  });

  it('an approval of an unknown action, a fractional amount or without its id is refused', async () => {
    await assert.rejects(verifyApproval(await sign({ ...claims, act: 'anything' }), keys), refusedAs('APPROVAL.INVALID', /act/));
    await assert.rejects(verifyApproval(await sign({ ...claims, amt: 1.5 }), keys), refusedAs('APPROVAL.INVALID', /amt/));
    const noId = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('manager-1').setIssuer(TOKEN_ISSUER)
      .setAudience(APPROVAL_AUDIENCE).setExpirationTime('2m').sign(privateKey);
    await assert.rejects(verifyApproval(noId, keys), refusedAs('APPROVAL.INVALID', /jti/));
  });
});

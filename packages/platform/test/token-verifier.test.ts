import assert from 'node:assert/strict';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { AppError, TOKEN_AUDIENCE, TOKEN_ISSUER, jwksFromUserService, jwksTokenVerifier, type RemoteKeySetOptions } from '../src/index.ts';
import { eventually, request } from '../src/testing/index.ts';
import { probe } from '../../../tests/support/stack.ts';
import { daprApiToken } from '../../../tests/support/sidecar-tokens.ts';

/** An issuer's key: its public JWK and a way to sign access tokens with it. */
async function signingKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    token: () => new SignJWT({ role: 'cashier', name: 'Test Cashier' }).setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('user-1').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setExpirationTime('5m').sign(privateKey),
  };
}

// probe-a plays the issuer: its test JWKS is fetched through probe-b's sidecar, as a service
// fetches the user service's through its own.
const publish = async (...keys: { jwk: object }[]) =>
  assert.equal((await request('PUT', `${probe('probe-a').url}/test-jwks`, { body: { keys: keys.map((key) => key.jwk) } })).status, 204);
const fetchCount = async () => (await request<{ fetches: number }>('GET', `${probe('probe-a').url}/test-jwks`)).body.fetches;
const verifierOf = (options: RemoteKeySetOptions) =>
  jwksTokenVerifier(jwksFromUserService({ appId: 'probe-a', sidecarHttpPort: probe('probe-b').sidecarHttp, apiToken: daprApiToken('probe-b'), ...options }));

const rejectedAsUnknownKey = (error: unknown) =>
  error instanceof AppError && error.code === 'AUTH.INVALID_TOKEN' && error.message === 'the token is signed with an unknown key';

describe('token verifier with the issuer\'s JWKS through a sidecar', function () {
  this.timeout(30_000);

  it('a key the issuer stops publishing stops being trusted once the cached set is older than its max age', async () => {
    const [kept, removed] = await Promise.all([signingKey('kept'), signingKey('removed')]);
    await publish(kept, removed);
    const verifier = verifierOf({ cacheMaxAgeMs: 200 });
    const removedToken = await removed.token();
    assert.equal((await verifier.verify(removedToken)).id, 'user-1');

    await publish(kept);
    await eventually(() => assert.rejects(verifier.verify(removedToken), rejectedAsUnknownKey));
    assert.equal((await verifier.verify(await kept.token())).id, 'user-1');
  });

  it('tokens signed with newly published keys, verified concurrently, fetch the key set once', async () => {
    const [old, rotated] = await Promise.all([signingKey('old'), Promise.all(['new-1', 'new-2', 'new-3'].map(signingKey))]);
    await publish(old);
    const verifier = verifierOf({ cacheMaxAgeMs: 60_000, cooldownMs: 0 });
    await verifier.verify(await old.token());
    await publish(old, ...rotated);
    const tokens = await Promise.all([...rotated, ...rotated].map((key) => key.token()));

    const before = await fetchCount();
    const principals = await Promise.all(tokens.map((token) => verifier.verify(token)));
    assert.equal(principals.length, 6);
    assert.equal(await fetchCount() - before, 1);
  });

  it('an unknown kid within the cooldown after a fetch is refused without fetching the set again', async () => {
    const [known, unknown] = await Promise.all([signingKey('known'), signingKey('never-published')]);
    await publish(known);
    const verifier = verifierOf({ cacheMaxAgeMs: 60_000, cooldownMs: 60_000 });
    await verifier.verify(await known.token());

    const before = await fetchCount();
    await assert.rejects(verifier.verify(await unknown.token()), rejectedAsUnknownKey);
    assert.equal(await fetchCount() - before, 0);
  });
});

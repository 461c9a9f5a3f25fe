// Unit test of a pure rule: during a key rotation the JWKS lists the retired key beside the new one.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { signingKeys } from '../src/domain/access-token.ts';

describe('signing keys', () => {
  const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('publish the current public key, and the retired ones during a rotation, never a private part', async () => {
    const current = pem();
    const retired = pem();
    const keys = await signingKeys(
      current.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'key-2026-11',
      [{ kid: 'key-2026-10', publicPem: retired.publicKey.export({ type: 'spki', format: 'pem' }).toString() }]);
    assert.deepEqual(keys.jwks.keys.map((key) => key.kid), ['key-2026-11', 'key-2026-10']);
    assert.ok(keys.jwks.keys.every((key) => key.alg === 'RS256' && key.use === 'sig' && !('d' in key)));
  });
});

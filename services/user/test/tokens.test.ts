// Every service verifies tokens itself: order (port 3005) stands for "another service".
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { localSecret } from '@pos/platform/testing';
import { SignJWT } from 'jose';
import { service } from '../../../tests/support/stack.ts';
import { call, newUser } from './support.ts';

const services = { user: service('user').url, order: service('order').url };
const realKey = () => createPrivateKey(localSecret('jwt-signing-key'));

function token(claims: { sub?: string; role?: string; name?: string }, options: { key?: KeyObject; kid?: string; audience?: string; expiresAt?: number } = {}) {
  return new SignJWT({ role: claims.role ?? 'admin', name: claims.name ?? 'Mallory' })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? localSecret('jwt-key-id') })
    .setSubject(claims.sub ?? 'b9a4f0d4-3f7e-4a57-9a55-0d1b1f6f0b11')
    .setIssuer('pos-user')
    .setAudience(options.audience ?? 'pos')
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 300)
    .sign(options.key ?? realKey());
}

async function whoami(service: keyof typeof services, accessToken?: string) {
  return call<{ error?: { code: string }; id?: string; role?: string }>('GET', `${services[service]}/whoami`, { token: accessToken });
}

describe('access tokens, verified by each service on its own', () => {
  it('the JWKS publishes the key that signed a fresh token', async () => {
    const me = await newUser();
    const jwks = await call<{ keys: { kid: string; alg: string; kty: string }[] }>('GET', '/.well-known/jwks.json');
    const kid = JSON.parse(Buffer.from(me.accessToken.split('.')[0] ?? '', 'base64url').toString()).kid;
    assert.ok(jwks.body.keys.some((key) => key.kid === kid && key.alg === 'RS256' && key.kty === 'RSA'));
    assert.ok(jwks.body.keys.every((key) => !('d' in key)), 'no private part is published');
  });

  it('another service accepts a valid token and sees who the caller is', async () => {
    const me = await newUser('cashier', 'Cass Cashier');
    const reply = await whoami('order', me.accessToken);
    assert.deepEqual(reply.body, { id: me.user.id, role: 'cashier', name: 'Cass Cashier' });
  });

  for (const service of ['user', 'order'] as const) {
    describe(`the ${service} service rejects`, () => {
      const rejected = async (accessToken: string | undefined, code: string) => {
        const reply = await whoami(service, accessToken);
        assert.equal(reply.status, 401, JSON.stringify(reply.body));
        assert.equal(reply.body.error?.code, code);
        assert.equal(reply.headers.get('www-authenticate'), 'Bearer');
      };

      it('a request without a token', () => rejected(undefined, 'AUTH.UNAUTHORIZED'));
      it('an expired token', async () => rejected(await token({}, { expiresAt: Math.floor(Date.now() / 1000) - 60 }), 'AUTH.INVALID_TOKEN'));
      it('a token for another audience', async () => rejected(await token({}, { audience: 'someone-else' }), 'AUTH.INVALID_TOKEN'));
      it('a token signed by a key that is not the issuer\'s, under the issuer\'s kid', async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        await rejected(await token({}, { key: privateKey }), 'AUTH.INVALID_TOKEN');
      });
      it('a token that names a key id nobody published', async () => rejected(await token({}, { kid: 'unknown-kid' }), 'AUTH.INVALID_TOKEN'));
      it('a token whose claims were changed after signing', async () => {
        const me = await newUser('cashier');
        const [header, payload, signature] = me.accessToken.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
        const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
        await rejected(`${header}.${forged}.${signature}`, 'AUTH.INVALID_TOKEN');
      });
    });
  }

  it('a token with a role the route does not allow is a 403', async () => {
    const cashier = await newUser('cashier');
    const reply = await call('GET', '/users', { token: cashier.accessToken });
    assert.equal(reply.status, 403);
    assert.equal((reply.body.error as { code: string }).code, 'AUTH.FORBIDDEN');
  });
});

import assert from 'node:assert/strict';
import { apps, service } from '../support/stack.ts';
import { sidecarHeaders } from '../support/sidecar-tokens.ts';

/** Each component file's scopes, read the other way round: what each app may use. */
const componentsOf: Record<string, string[]> = {
  user: ['pubsub', 'pubsub-broadcast', 'secretstore', 'statestore'],
  product: ['pubsub', 'pubsub-broadcast', 'secretstore'],
  inventory: ['pubsub', 'pubsub-broadcast', 'secretstore'],
  'product-query': ['pubsub', 'pubsub-broadcast', 'secretstore'],
  order: ['pubsub', 'pubsub-broadcast', 'secretstore', 'statestore'],
  till: ['secretstore'],
};

interface SidecarMetadata {
  id: string;
  components: { name: string }[];
  appConnectionProperties: { port: number; protocol: string };
}

for (const { app, sidecarHttp, protocol } of apps) {
  describe(`the ${app} app and its sidecar`, () => {
    const sidecar = `http://127.0.0.1:${sidecarHttp}/v1.0`;

    it('the sidecar reports healthy', async () => {
      assert.equal((await fetch(`${sidecar}/healthz`)).status, 204);
    });

    it(`the sidecar loads exactly the components scoped to ${app}, and talks ${protocol} to it`, async () => {
      const metadata = (await (await fetch(`${sidecar}/metadata`, { headers: sidecarHeaders(app) })).json()) as SidecarMetadata;
      assert.equal(metadata.id, app);
      assert.deepEqual(metadata.components.map((component) => component.name).sort(), componentsOf[app]);
      assert.equal(metadata.appConnectionProperties.protocol, protocol);
    });
  });
}

describe('every app answers /healthz', () => {
  for (const { app, http } of apps) {
    it(`${app} answers on port ${http}`, async () => {
      const response = await fetch(`http://127.0.0.1:${http}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', service: app });
    });
  }

  it('an HTTP app is reachable through another app\'s sidecar (service invocation)', async () => {
    // The one operation of user that its access policy opens to order: the token-signing keys.
    const response = await fetch(`http://127.0.0.1:${service('order').sidecarHttp}/v1.0/invoke/user/method/.well-known/jwks.json`,
      { headers: sidecarHeaders('order') });
    assert.equal(response.status, 200);
    assert.ok(Array.isArray(((await response.json()) as { keys: unknown }).keys));
  });
});

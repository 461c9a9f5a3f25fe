import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sidecarHeaders } from '../support/sidecar-tokens.ts';
import { apps, probeApps } from '../support/stack.ts';

/** What each app may read from the secret store, written down here apart from the Configurations. */
const allowedSecrets: Record<string, string[]> = {
  user: ['user-db-url', 'jwt-signing-key', 'jwt-key-id', 'jwt-retired-public-keys', 'admin-email', 'admin-password'],
  product: ['mongo-url'],
  inventory: ['inventory-db-url'],
  'product-query': ['elasticsearch-url'],
  order: ['order-db-url', 'midtrans-server-key', 'midtrans-client-key'],
  till: [],
  'probe-a': ['probe-db-url', 'kafka-brokers'],
  'probe-b': ['probe-db-url'],
};

interface Configuration {
  metadata: { name: string };
  spec: { secrets?: unknown; accessControl?: unknown } & Record<string, unknown>;
}

const root = new URL('../../', import.meta.url);
const secretsFile = process.env.POS_SECRETS_FILE;
if (!secretsFile) throw new Error('POS_SECRETS_FILE is not set: run the tests with npm test');
const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>;

/** Each app's Configuration as its run file names it (configFilePath is relative to appDirPath). */
function localConfigurations(runFile: string): Map<string, Configuration> {
  const run = parse(readFileSync(new URL(runFile, root), 'utf8')) as { apps: { appID: string; appDirPath: string; configFilePath: string }[] };
  const runDir = new URL('./', new URL(runFile, root));
  return new Map(run.apps.map((app) => {
    const file = new URL(app.configFilePath, new URL(`${app.appDirPath}/`, runDir));
    return [app.appID, parse(readFileSync(file, 'utf8')) as Configuration];
  }));
}

const allLocalConfigurations = () => new Map([...localConfigurations('dapr.yaml'), ...localConfigurations('tests/probe/dapr.yaml')]);

for (const { app, sidecarHttp } of [...apps, ...probeApps]) {
  describe(`the ${app} sidecar's secret scope`, () => {
    const store = `http://127.0.0.1:${sidecarHttp}/v1.0/secrets/secretstore`;
    const allowed = allowedSecrets[app] ?? [];

    it(`hands ${app} each secret on its list: ${allowed.join(', ')}`, async () => {
      for (const key of allowed) {
        const response = await fetch(`${store}/${key}`, { headers: sidecarHeaders(app) });
        assert.equal(response.status, 200, `${key} is on ${app}'s list`);
        assert.deepEqual(await response.json(), { [key]: secrets[key] });
      }
    });

    it(`refuses ${app} every other secret of the store with 403`, async () => {
      const others = Object.keys(secrets).filter((key) => !allowed.includes(key));
      assert.ok(others.includes('postgres-url'), 'the store holds secrets this app must not get');
      for (const key of others) {
        const response = await fetch(`${store}/${key}`, { headers: sidecarHeaders(app) });
        assert.equal(response.status, 403, `${app} must not read ${key}`);
        assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'ERR_PERMISSION_DENIED');
      }
    });

    it(`a bulk read gives ${app} only the secrets on its list`, async () => {
      const response = await fetch(`${store}/bulk`, { headers: sidecarHeaders(app) });
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys((await response.json()) as object).sort(), [...allowed].sort());
    });
  });
}

describe('components and secret scopes', () => {
  // Dapr resolves a component's secretKeyRef with the store itself, not through the app's scope.
  it('the user sidecar publishes to Kafka and keeps state with connection strings the user app may not read', async () => {
    const sidecar = `http://127.0.0.1:${apps.find(({ app }) => app === 'user')?.sidecarHttp}/v1.0`;
    for (const key of ['kafka-brokers', 'state-db-url']) assert.equal((await fetch(`${sidecar}/secrets/secretstore/${key}`, { headers: sidecarHeaders('user') })).status, 403);
    // A topic user owns: the publishing scopes refuse it any other (tests/stack/event-scopes.test.ts).
    const published = await fetch(`${sidecar}/publish/pubsub/pos.users`, { method: 'POST', body: '{"ok":true}', headers: { 'content-type': 'application/json', ...sidecarHeaders('user') } });
    assert.equal(published.status, 204);
    const key = `scope-check-${Date.now()}`;
    const saved = await fetch(`${sidecar}/state/statestore`, { method: 'POST', body: JSON.stringify([{ key, value: 1, metadata: { ttlInSeconds: '60' } }]), headers: sidecarHeaders('user') });
    assert.equal(saved.status, 204);
    assert.equal(await (await fetch(`${sidecar}/state/statestore/${key}`, { headers: sidecarHeaders('user') })).text(), '1');
  });
});

const TEST_ONLY_APPS = ['probe-a', 'probe-b'];

describe('the sidecar Configurations', () => {
  it('every app has a local Configuration that denies by default and allows only its list', () => {
    const local = allLocalConfigurations();
    assert.deepEqual([...local.keys()].sort(), Object.keys(allowedSecrets).sort());
    for (const [app, configuration] of local) {
      assert.equal(configuration.metadata.name, app);
      assert.deepEqual(configuration.spec.secrets, {
        scopes: [{ storeName: 'secretstore', defaultAccess: 'deny', allowedSecrets: allowedSecrets[app] }],
      });
    }
  });

  it('the k8s Configurations carry the same secret scopes and access policies as the local ones, one per service', () => {
    const local = allLocalConfigurations();
    for (const { app } of apps) {
      const cluster = parse(readFileSync(new URL(`k8s/dapr/configuration-${app}.yaml`, root), 'utf8')) as Configuration;
      assert.equal(cluster.metadata.name, app);
      assert.deepEqual(cluster.spec.secrets, local.get(app)?.spec.secrets, app);
      // The cluster runs the apps in namespace pos; locally every sidecar is in namespace default.
      // The test-only probe apps (tests/probe) are granted locally and never in the cluster.
      const access = local.get(app)?.spec.accessControl as { policies?: { appId: string }[] } | undefined;
      const withoutProbes = access && { ...access, policies: access.policies?.filter((policy) => !TEST_ONLY_APPS.includes(policy.appId)) };
      const localAccess = JSON.stringify(withoutProbes).replaceAll('"namespace":"default"', '"namespace":"pos"');
      assert.equal(JSON.stringify(cluster.spec.accessControl), localAccess, app);
    }
  });

  it('the local Configurations differ only in their secret scopes and access policies (tracing and metrics alike)', () => {
    const shared = [...allLocalConfigurations().values()].map(({ spec: { secrets: _, accessControl: __, ...rest } }) => rest);
    for (const spec of shared) assert.deepEqual(spec, shared[0]);
  });
});

// kong/: generated from the services' own route lists, accepted by decK, and true to what the
// running apps serve: every operation routed except the Dapr-only ones and the metrics, every
// route reaching one, every route but the public ones behind the JWT plugin.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { deck, kongForKubernetes, kongYml, type KongConfig, type KongRoute } from '../../scripts/lib/kong-config.ts';
import {
  gatewayApps, hostOf, isNotRouted, isPublic, metricsRefused, normalisedPath, operationPathOf, TILL_APP, TILL_ORIGIN, TOKEN_CONSUMER,
} from '../../scripts/lib/kong-gateway.ts';
import { apps } from '../support/stack.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const kongFile = join(root, 'kong/kong.yml');
const committed = readFileSync(kongFile, 'utf8');
const kong = parse(committed) as KongConfig;

interface OpenApiDocument { paths: Record<string, Record<string, unknown>> }
const served = async (http: number) => (await (await fetch(`http://127.0.0.1:${http}/openapi.json`)).json()) as OpenApiDocument;

/** Each (app, METHOD, path with `{}` for parameters) that a list names. */
const operationsOf = (app: string, document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ app, method, path })));
const key = ({ app, method, path }: { app: string; method: string; path: string }) => `${app} ${method.toUpperCase()} ${normalisedPath(path)}`;
const routesOf = (app: string): KongRoute[] => kong.services.find((service) => service.name === app)?.routes ?? [];
const routeKeys = (app: string) => routesOf(app).flatMap((route) => route.methods.map((method) => key({ app, method, path: operationPathOf(route.paths[0] ?? '') })));

describe('the Kong gateway (kong/)', () => {
  it('kong.yml and kong/k8s/gateway.yaml are what npm run gen:kong makes from the services today', async () => {
    const fresh = await kongYml();
    assert.equal(committed, fresh, 'kong/kong.yml is stale: run npm run gen:kong and commit the result');
    assert.equal(readFileSync(join(root, 'kong/k8s/gateway.yaml'), 'utf8'), kongForKubernetes(fresh), 'kong/k8s/gateway.yaml is stale: run npm run gen:kong');
  });

  it('deck file validate accepts kong.yml', () => {
    deck(['file', 'validate', kongFile]);
  });

  it('deck file lint with kong/lint-rules.yaml finds nothing in kong.yml', () => {
    // deck exits non-zero on a finding at warn or above, which makes deck() throw with its report.
    const out = deck(['file', 'lint', '--state', kongFile, '--fail-severity', 'warn', join(root, 'kong/lint-rules.yaml')]);
    assert.doesNotMatch(out, /\[(error|warn)\]/i, out);
  });

  it('deck file lint with kong/lint-rules.yaml reports each of its rules on a copy of kong.yml that breaks them all', () => {
    const rules = Object.values((parse(readFileSync(join(root, 'kong/lint-rules.yaml'), 'utf8')) as { rules: Record<string, { description: string }> }).rules);
    const broken = structuredClone(kong) as KongConfig & { consumers: { jwt_secrets: { algorithm: string }[] }[] };
    const cors = broken.plugins.find((plugin) => plugin.name === 'cors');
    if (cors) cors.config.origins = ['*'];
    const [first] = broken.services;
    first?.routes.push({ name: 'leak', paths: ['~/events/products$'], methods: ['POST'], hosts: ['x'], regex_priority: 0, protocols: ['http'] });
    first?.routes.push({ name: 'scrape', paths: ['~/metrics$'], methods: ['GET'], hosts: ['x'], regex_priority: 0, protocols: ['https'] });
    const jwt = first?.routes.flatMap((route) => route.plugins ?? []).find((plugin) => plugin.name === 'jwt');
    if (jwt) jwt.config = { ...jwt.config, uri_param_names: ['jwt'] };
    for (const secret of broken.consumers[0]?.jwt_secrets ?? []) secret.algorithm = 'HS256';
    const work = mkdtempSync(join(tmpdir(), 'kong-lint-'));
    try {
      writeFileSync(join(work, 'kong.yml'), JSON.stringify(broken));
      const report = spawnSync(process.env.DECK_BIN ?? 'deck', ['file', 'lint', '--state', join(work, 'kong.yml'), '--fail-severity', 'warn', join(root, 'kong/lint-rules.yaml')], { encoding: 'utf8' });
      assert.notEqual(report.status, 0, report.stdout);
      assert.ok(rules.length >= 5);
      for (const rule of rules) assert.ok(report.stdout.includes(rule.description), `not reported: ${rule.description}\n${report.stdout}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  for (const { app, http } of gatewayApps()) {
    describe(`for ${app}`, () => {
      it('every operation its running app serves has a route, except the Dapr-only entry points and the metrics, which have none', async () => {
        const operations = operationsOf(app, await served(http));
        const routed = new Set(routeKeys(app));
        assert.deepEqual(operations.filter((operation) => !isNotRouted(operation.path) && !routed.has(key(operation))).map(key), []);
        assert.deepEqual(operations.filter((operation) => isNotRouted(operation.path) && routed.has(key(operation))).map(key), []);
      });

      it('every route reaches an operation its running app serves, on its own host', async () => {
        const served_ = new Set(operationsOf(app, await served(http)).map(key));
        assert.deepEqual(routeKeys(app).filter((route) => !served_.has(route)), []);
        assert.ok(routesOf(app).every((route) => route.hosts.length === 1 && route.hosts[0] === hostOf(app)));
      });

      it('every route but login, refresh, JWKS, the Midtrans webhook and health has the JWT plugin; those have none', () => {
        for (const route of routesOf(app)) {
          const method = route.methods[0]?.toLowerCase() ?? '';
          const path = operationPathOf(route.paths[0] ?? '');
          const open = isPublic(app, method, path);
          const hasJwt = (route.plugins ?? []).some((plugin) => plugin.name === 'jwt');
          assert.equal(hasJwt, !open, `${key({ app, method, path })}: ${open ? 'public but has' : 'needs'} the jwt plugin`);
        }
      });
    });
  }

  it('no host routes /metrics to an app, whatever the token: no app route matches it, and on the till\'s origin the longest prefix that does refuses it with 403', () => {
    const leaks: string[] = [];
    for (const service of kong.services) {
      for (const host of new Set(service.routes.flatMap((route) => route.hosts))) {
        const routes = service.routes.filter((route) => route.hosts.includes(host));
        for (const path of ['/metrics', '/metrics/']) {
          const regex = routes.filter((route) => route.paths.some((p) => p.startsWith('~') && new RegExp(`^${p.slice(1)}`).test(path)));
          const prefixes = routes.flatMap((route) => route.paths.filter((p) => !p.startsWith('~') && path.startsWith(p)).map((p) => ({ route, length: p.length })));
          const longest = prefixes.sort((a, b) => b.length - a.length)[0]?.route;
          if (regex.length > 0) leaks.push(`${host}${path}: ${regex.map((route) => route.name).join(', ')}`);
          if (longest && !(longest.plugins ?? []).some((plugin) => plugin.name === metricsRefused.name && plugin.config.status_code === 403)) {
            leaks.push(`${host}${path}: ${longest.name}`);
          }
        }
      }
    }
    assert.deepEqual(leaks, []);
  });

  it('the till\'s origin is one route: its host, every path, no token (its /api/… calls carry the cashier\'s to the apps), and /metrics refused beside it', () => {
    assert.deepEqual(apps.map(({ app }) => app).filter((app) => !gatewayApps().some((api) => api.app === app)), [TILL_APP]);
    const [route, metrics, ...others] = routesOf(TILL_APP);
    assert.deepEqual(others, []);
    assert.deepEqual([metrics?.paths, metrics?.hosts, metrics?.plugins], [['/metrics'], [new URL(TILL_ORIGIN).host], [metricsRefused]]);
    assert.deepEqual([route?.paths, route?.hosts, route?.protocols, route?.tags], [['/'], [new URL(TILL_ORIGIN).host], ['https'], ['public']]);
    assert.ok(!(route?.plugins ?? []).some((plugin) => plugin.name === 'jwt'));
    assert.equal(kong.services.find((service) => service.name === TILL_APP)?.port, apps.find(({ app }) => app === TILL_APP)?.http);
  });

  it('the login route is rate-limited tighter than the gateway as a whole', () => {
    const login = routesOf('user').find((route) => operationPathOf(route.paths[0] ?? '') === '/auth/login');
    const local = login?.plugins?.find((plugin) => plugin.name === 'rate-limiting')?.config as { minute: number } | undefined;
    const global = kong.plugins.find((plugin) => plugin.name === 'rate-limiting')?.config as { minute: number } | undefined;
    assert.ok(local && global && local.minute < global.minute);
  });

  it('npm run kong:jwt-keys fills the token consumer with the running user service\'s JWKS, and decK accepts the result', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kong-keys-'));
    try {
      const user = apps.find(({ app }) => app === 'user');
      const jwks = (await (await fetch(`http://127.0.0.1:${user?.http}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
      const out = join(work, 'kong.yml');
      execFileSync(process.execPath, [join(root, 'scripts/kong-jwt-keys.ts'), '--jwks', `http://127.0.0.1:${user?.http}/.well-known/jwks.json`, '--out', out], { stdio: 'pipe' });
      const consumer = (parse(readFileSync(out, 'utf8')) as { consumers: { username: string; jwt_secrets: { key: string; rsa_public_key: string }[] }[] })
        .consumers.find((candidate) => candidate.username === TOKEN_CONSUMER);
      assert.deepEqual(consumer?.jwt_secrets.map((secret) => secret.key).sort(), jwks.keys.map((jwk) => jwk.kid).sort());
      assert.ok(consumer?.jwt_secrets.every((secret) => secret.rsa_public_key.startsWith('-----BEGIN PUBLIC KEY-----')));
      deck(['file', 'validate', out]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

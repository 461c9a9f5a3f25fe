// istio/'s AuthorizationPolicies against the calls the code makes: every call is admitted, and
// nothing is admitted that no code makes. Reads files only; no cluster.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { SIDECAR_METRICS_PORT } from '../../scripts/lib/k8s-apps.ts';
import { PROMETHEUS_PRINCIPAL, SIDECAR_METRICS_PORT_NAME } from '../../scripts/lib/k8s-monitoring.ts';
import { KONG_PRINCIPAL, isDaprOnly, operationPathOf } from '../../scripts/lib/kong-gateway.ts';
import { FORWARDED } from '../../services/till/server/forward.ts';
import { isAllowed, readPolicies, type AuthorizationPolicy } from '../support/istio-authorization.ts';
import { apps, service } from '../support/stack.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** daprd's port for other sidecars in a pod (dapr.yaml's daprInternalGRPCPort is the local stand-in). */
const SIDECAR_INTERNAL_GRPC = 50002;
const principalOf = (app: string) => `cluster.local/ns/pos/sa/${app}`;

interface Call { caller: string; principal: string; callee: string; port: number; path?: string; why: string }

const sourceFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts')).map((file) => join(dir, file));
/** The folder of an app's code: its entry script's (src/, or the till's server/). */
const codeOf = (app: string) => dirname(join(service(app).dir, service(app).main));

/** Each `sidecarClient(service, 'app')` of an app's code and the methods called on it. */
function grpcCalls(app: string): { callee: string; operation: string }[] {
  const found: { callee: string; operation: string }[] = [];
  for (const file of sourceFiles(codeOf(app))) {
    const text = readFileSync(file, 'utf8');
    const services = new Map([...text.matchAll(/(\w+) = loadService<\w+>\('[^']+', '([\w.]+)'\)/g)].map((m) => [m[1], m[2]]));
    const clients = [...text.matchAll(/(\w+) = sidecarClient\((?:loadService<\w+>\('[^']+', '([\w.]+)'\)|(\w+)), '([\w-]+)'/g)];
    // Every use must be understood, or a call could hide from this test.
    assert.equal(clients.length, (text.match(/sidecarClient\(/g) ?? []).length, `${file}: a sidecarClient( use this test cannot read`);
    for (const [, variable, inlineService, serviceVariable, callee] of clients) {
      const service = inlineService ?? services.get(serviceVariable ?? '');
      assert.ok(service && callee && variable, `${file}: cannot tell which service ${variable} calls`);
      for (const [, method] of text.matchAll(new RegExp(`\\b${variable}\\.call\\('(\\w+)'`, 'g'))) found.push({ callee, operation: `/${service}/${method}` });
    }
  }
  return found;
}

/** The apps whose tokens are checked with the user service's JWKS, fetched by service invocation
 * (jwksFromUserService, or the platform's userServiceTokens built on it). */
const fetchesJwks = (app: string) => sourceFiles(codeOf(app)).some((file) => /\b(jwksFromUserService|userServiceTokens)\(/.test(readFileSync(file, 'utf8')));

/** The HTTPEndpoints of components/ by name: their local base URLs. */
const httpEndpoints = new Map(readdirSync(join(root, 'components')).filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(join(root, 'components', file), 'utf8')).map((document) => document.toJS() as {
    kind?: string; metadata: { name: string }; spec: { baseUrl?: string };
  })).filter((resource) => resource.kind === 'HTTPEndpoint').map((resource) => [resource.metadata.name, resource.spec.baseUrl ?? '']));

/** The till's forwarding (services/till/server/forward.ts): by service invocation, or to an HTTPEndpoint. */
const tillTargets = Object.entries(FORWARDED).map(([app, target]) => ({ app, endpoint: httpEndpoints.get(target) }));

interface KongYml { services: { name: string; port: number; routes: { paths: string[] }[] }[] }
const kong = parse(readFileSync(join(root, 'kong/kong.yml'), 'utf8')) as KongYml;
/** A concrete path a Kong route matches: `~/stock/(?<productid>[^#?/]+)$` → `/stock/x`. */
const samplePath = (routePath: string) => operationPathOf(routePath).replaceAll('{}', 'x');
/** What a browser asks the till for, through its one prefix route `/`: the web app's files and
 * routes, its /api/… calls, health. */
const BROWSER_PATHS = ['/', '/index.html', '/assets/app-X.js', '/sale', '/api/user/me', '/healthz', '/readyz'];
const pathsOfRoute = (routePath: string) => (routePath.startsWith('~') ? [samplePath(routePath)] : BROWSER_PATHS.filter((path) => path.startsWith(routePath)));

interface PodMonitor { kind: string; spec: { selector: { matchLabels: Record<string, string> }; podMetricsEndpoints: { port: string; path: string }[] } }
/** Prometheus' scrapes, as the PodMonitors of k8s/monitoring (generated from dapr.yaml) ask for them. */
function scrapes(): Call[] {
  const monitors = parseAllDocuments(readFileSync(join(root, 'k8s/monitoring/pod-monitors.yaml'), 'utf8'))
    .map((document) => document.toJS() as PodMonitor).filter((resource) => resource.kind === 'PodMonitor');
  return monitors.flatMap(({ spec }) => {
    const callee = spec.selector.matchLabels['app.kubernetes.io/name'] ?? '?';
    return spec.podMetricsEndpoints.map(({ port, path }) => {
      const number = port === SIDECAR_METRICS_PORT_NAME ? SIDECAR_METRICS_PORT : port === 'http' ? apps.find(({ app }) => app === callee)?.http : undefined;
      assert.ok(number, `PodMonitor ${callee}: a port this test cannot place: ${port}`);
      return { caller: 'prometheus', principal: PROMETHEUS_PRINCIPAL, callee, port: number, path, why: `scrape ${port} ${path}` };
    });
  });
}

function callsOfTheCode(): Call[] {
  const calls: Call[] = [];
  for (const { app } of apps) {
    for (const { callee, operation } of grpcCalls(app)) {
      calls.push({ caller: app, principal: principalOf(app), callee, port: SIDECAR_INTERNAL_GRPC, why: `gRPC ${operation}` });
    }
    if (fetchesJwks(app) && app !== 'user') {
      calls.push({ caller: app, principal: principalOf(app), callee: 'user', port: SIDECAR_INTERNAL_GRPC, why: 'GET /.well-known/jwks.json' });
    }
  }
  for (const service of kong.services) {
    for (const route of service.routes) {
      for (const path of pathsOfRoute(route.paths[0] ?? '')) {
        calls.push({ caller: 'kong', principal: KONG_PRINCIPAL, callee: service.name, port: service.port, path, why: `route ${path}` });
      }
    }
  }
  for (const { app, endpoint } of tillTargets) {
    if (!endpoint) {
      calls.push({ caller: 'till', principal: principalOf('till'), callee: app, port: SIDECAR_INTERNAL_GRPC, why: `invocation of /api/${app}/…` });
      continue;
    }
    // Straight to the app's HTTP API: whatever the browser asks of it, the Dapr-only paths aside,
    // as Kong routes it (every operation).
    const port = Number(new URL(endpoint).port);
    const paths = kong.services.find((candidate) => candidate.name === app)?.routes.map((route) => samplePath(route.paths[0] ?? '')) ?? [];
    for (const path of paths) calls.push({ caller: 'till', principal: principalOf('till'), callee: app, port, path, why: `HTTPEndpoint ${path}` });
  }
  return [...calls, ...scrapes()];
}

const requestOf = (call: Call) => ({
  principal: call.principal, labels: { 'app.kubernetes.io/name': call.callee }, namespace: 'pos', port: call.port, ...(call.path && { path: call.path }),
});
const describeCall = (call: Call) => `${call.caller} → ${call.callee}:${call.port} (${call.why})`;

/** Calls the code makes that the policies deny. */
const deniedCalls = (policies: AuthorizationPolicy[], calls: Call[]) => calls.filter((call) => !isAllowed(policies, requestOf(call))).map(describeCall);

/** Every caller, callee and port the mesh could carry that no code uses, yet the policies admit. */
function needlessGrants(policies: AuthorizationPolicy[], calls: Call[]): string[] {
  const callers = [...apps.map(({ app }) => ({ caller: app, principal: principalOf(app) })), { caller: 'kong', principal: KONG_PRINCIPAL },
    { caller: 'prometheus', principal: PROMETHEUS_PRINCIPAL }, { caller: 'stranger', principal: 'cluster.local/ns/default/sa/default' }];
  const granted: string[] = [];
  for (const { app: callee, http } of apps) {
    for (const { caller, principal } of callers) {
      for (const port of [SIDECAR_INTERNAL_GRPC, http, SIDECAR_METRICS_PORT]) {
        const needed = calls.filter((call) => call.callee === callee && call.principal === principal && call.port === port);
        // Paths no call of this caller leads to: the subscriptions' and Dapr's own entry points,
        // health, and the metrics (which only Prometheus reads).
        const probes = port === SIDECAR_INTERNAL_GRPC ? [undefined]
          : ['/events/products', '/dapr/subscribe', '/healthz', '/metrics'].filter((path) => !needed.some((call) => call.path === path));
        for (const path of probes) {
          if ((needed.length === 0 || path) && isAllowed(policies, { ...requestOf({ caller, principal, callee, port, why: '' }), ...(path && { path }) })) {
            granted.push(`${caller} → ${callee}:${port}${path ? ` ${path}` : ''}`);
          }
        }
      }
    }
  }
  return granted;
}

const policies = readPolicies(join(root, 'istio/authorization-policies.yaml'));

describe('the Istio policies of namespace pos', () => {
  const calls = callsOfTheCode();

  it('the code makes the calls this test looks for (gRPC from order and product-query, JWKS, Kong, Prometheus\' scrapes)', () => {
    const described = calls.map(describeCall);
    for (const expected of ['order → inventory', 'order → product', 'product-query → product', 'product-query → inventory', 'order → user', 'kong → order',
      'kong → till:3006 (route /api/user/me)', 'till → user:50002', 'till → inventory:3003 (HTTPEndpoint /stock/x)',
      'prometheus → order:3005 (scrape http /metrics)', `prometheus → order:${SIDECAR_METRICS_PORT} (scrape dapr-metrics /metrics)`]) {
      assert.ok(described.some((call) => call.startsWith(expected)), `no call ${expected} found: ${described.join('; ')}`);
    }
  });

  it('admit every call the code makes, from its caller\'s service account', () => {
    assert.deepEqual(deniedCalls(policies, calls), []);
  });

  it('admit nothing the code does not call: no other caller, no port beside them, no Dapr-only path from Kong, nothing but /metrics to Prometheus', () => {
    assert.deepEqual(needlessGrants(policies, calls), []);
  });

  it('let only Prometheus read an app\'s /metrics: Kong, the till and every app are refused it (and /metrics/) on each app\'s HTTP port', () => {
    const readers: string[] = [];
    for (const { app: callee, http } of apps) {
      for (const principal of [PROMETHEUS_PRINCIPAL, KONG_PRINCIPAL, ...apps.map(({ app }) => principalOf(app))]) {
        for (const path of ['/metrics', '/metrics/']) {
          if (isAllowed(policies, { principal, labels: { 'app.kubernetes.io/name': callee }, namespace: 'pos', port: http, path })) readers.push(`${principal} → ${callee}${path}`);
        }
      }
    }
    assert.deepEqual(readers, apps.flatMap(({ app }) => [`${PROMETHEUS_PRINCIPAL} → ${app}/metrics`]));
  });

  it('let the callee\'s Dapr access control admit each gRPC method and invocation its callers make', () => {
    const refused: string[] = [];
    for (const { app } of apps) {
      const operations = [...grpcCalls(app), ...(fetchesJwks(app) && app !== 'user' ? [{ callee: 'user', operation: '/.well-known/jwks.json' }] : [])];
      // The till's invocations: each callee lets it through to its API (services/till/test/server.test.ts
      // tries every operation against the running sidecars); here, that a policy names it.
      if (app === 'till') operations.push(...tillTargets.filter((target) => !target.endpoint).map((target) => ({ callee: target.app, operation: '' })));
      for (const { callee, operation } of operations) {
        const configuration = parse(readFileSync(join(root, `components/${callee}.configuration.yaml`), 'utf8')) as {
          spec: { accessControl: { policies: { appId: string; operations: { name: string; action: string }[] }[] } };
        };
        const policy = configuration.spec.accessControl.policies.find((candidate) => candidate.appId === app);
        const allows = (allowed: { name: string; action: string }) => (operation === '' || allowed.name === operation) && allowed.action === 'allow';
        if (!policy?.operations.some(allows)) refused.push(`${app} → ${callee} ${operation || 'its API'}`);
      }
    }
    assert.deepEqual(refused, []);
  });

  it('never need a rule for subscriptions: each is delivered by the app\'s own sidecar on a Dapr-only path', () => {
    const files = readdirSync(join(root, 'components')).filter((file) => file.endsWith('.yaml'));
    const routes = files.flatMap((file) => parseAllDocuments(readFileSync(join(root, 'components', file), 'utf8')).map((document) => document.toJS() as {
      kind?: string; spec?: { routes?: { default?: string; rules?: { path: string }[] } };
    })).filter((resource) => resource.kind === 'Subscription')
      .flatMap((resource) => [resource.spec?.routes?.default, ...(resource.spec?.routes?.rules ?? []).map((rule) => rule.path)]).filter((path) => path !== undefined);
    assert.ok(routes.length > 0);
    assert.deepEqual(routes.filter((path) => !isDaprOnly(path)), []);
  });

  it('with order left out of inventory\'s policy, the check reports order\'s gRPC calls to inventory as denied', () => {
    const broken = structuredClone(policies);
    const inventory = broken.find((policy) => policy.metadata.name === 'inventory');
    for (const rule of inventory?.spec.rules ?? []) {
      for (const from of rule.from ?? []) from.source.principals = from.source.principals?.filter((principal) => principal !== principalOf('order'));
    }
    const denied = deniedCalls(broken, calls);
    assert.ok(denied.length > 0 && denied.every((call) => call.startsWith('order → inventory:50002')), denied.join('; '));
  });

  it('with Kong admitted to every port of product, the check reports the needless grants', () => {
    const broken = structuredClone(policies);
    const product = broken.find((policy) => policy.metadata.name === 'product');
    product?.spec.rules?.push({ from: [{ source: { principals: [KONG_PRINCIPAL] } }] });
    assert.deepEqual(needlessGrants(broken, calls), ['kong → product:50002', 'kong → product:3002 /events/products', 'kong → product:3002 /dapr/subscribe', 'kong → product:3002 /metrics',
      ...['/events/products', '/dapr/subscribe', '/healthz', '/metrics'].map((path) => `kong → product:${SIDECAR_METRICS_PORT} ${path}`)]);
  });

  it('with Prometheus admitted to every path of order, the check reports the needless grants', () => {
    const broken = structuredClone(policies);
    const order = broken.find((policy) => policy.metadata.name === 'order');
    order?.spec.rules?.push({ from: [{ source: { principals: [PROMETHEUS_PRINCIPAL] } }], to: [{ operation: { ports: ['3005'] } }] });
    assert.deepEqual(needlessGrants(broken, calls), ['prometheus → order:3005 /events/products', 'prometheus → order:3005 /dapr/subscribe', 'prometheus → order:3005 /healthz']);
  });
});

// The edge gateway's rules in one place: which operations stay inside (Dapr-only), which are
// public, where each app is reached, and the plugins patched into what decK's openapi2kong
// makes of each service's OpenAPI document. scripts/gen-kong.ts applies them; the tests read them.
import { fileURLToPath } from 'node:url';
import { runFileApps } from './run-file.ts';

/** The tills' and back office's hosts: `<app>.api.pos.example`, one per app, because the
 * apps share paths (`/healthz`, `/products/{id}` on product and product-query) and Kong
 * cannot strip a prefix from a regex route. Change it here and run `npm run gen:kong`. */
export const GATEWAY_DOMAIN = 'api.pos.example';
/** The till's web origin, the only one CORS admits. */
export const TILL_ORIGIN = 'https://till.pos.example';
/** The app that serves the till's web app (services/till/server) and forwards its /api/… calls
 * through its sidecar: the browser's one origin, so Kong routes the whole host to it. */
export const TILL_APP = 'till';
/** Where Kong finds each app in the cluster: its Service in namespace pos, on its HTTP port. */
export const NAMESPACE = 'pos';
/** Kong's pods' identity in the mesh (namespace kong, service account kong): istio/ admits it to the HTTP APIs. */
export const KONG_PRINCIPAL = 'cluster.local/ns/kong/sa/kong';

/** The consumer whose credentials are the user service's public keys, one per JWKS key id
 * (the jwt plugin finds the credential by the token header's `kid`). The committed file holds
 * placeholders; scripts/kong-jwt-keys.ts fills them from the live JWKS at deploy time. */
export const TOKEN_CONSUMER = 'pos-user-service';
export const KEY_ID_PLACEHOLDER = 'KID_FROM_JWKS';
export const PUBLIC_KEY_PLACEHOLDER = 'PUBLIC_KEY_FROM_JWKS';

export const hostOf = (app: string) => `${app}.${GATEWAY_DOMAIN}`;

/** OpenAPI path of a route made by openapi2kong, parameters as `{}`: `~/stock/(?<productid>[^#?/]+)$` → `/stock/{}`. */
export const operationPathOf = (routePath: string) =>
  routePath.replace(/^~/, '').replace(/\$$/, '').replace(/\(\?<\w+>\[\^#\?\/\]\+\)/g, '{}').replace(/\\(.)/g, '$1');
export const normalisedPath = (openApiPath: string) => openApiPath.replace(/\{\w+\}/g, '{}');

/** Entry points only the app's own sidecar calls (subscriptions, Dapr's start-up questions):
 * the gateway never routes them. */
export const isDaprOnly = (path: string) => path.startsWith('/dapr/') || path.startsWith('/events/');
/** Each app's metrics: only Prometheus reads them, straight from the pod (k8s/monitoring), so the
 * gateway never routes them; on the till's origin, which Kong routes whole, they are refused. */
export const isMetrics = (path: string) => path === '/metrics';
/** The operations Kong leaves out of each app's routes. */
export const isNotRouted = (path: string) => isDaprOnly(path) || isMetrics(path);

/** Operations anyone may call through the gateway; every other route needs a valid token. */
export const publicOperations: readonly { app: string; method: string; path: string }[] = [
  ...['user', 'product', 'inventory', 'product-query', 'order'].flatMap((app) => [
    { app, method: 'get', path: '/healthz' },
    { app, method: 'get', path: '/readyz' },
  ]),
  { app: 'user', method: 'post', path: '/auth/login' },
  { app: 'user', method: 'post', path: '/auth/refresh' },
  { app: 'user', method: 'get', path: '/.well-known/jwks.json' },
  // Midtrans signs its notifications; it has no token of ours.
  { app: 'order', method: 'post', path: '/payments/midtrans/notifications' },
];

export const isPublic = (app: string, method: string, path: string) =>
  publicOperations.some((operation) => operation.app === app && operation.method === method && operation.path === path);

const runFile = () => runFileApps(fileURLToPath(new URL('../../dapr.yaml', import.meta.url)));

/** The apps whose HTTP APIs Kong routes operation by operation, and their HTTP ports, from dapr.yaml. */
export const gatewayApps = () => runFile().filter(({ app }) => app !== TILL_APP).map(({ app, http }) => ({ app, http }));

/** Kong's answer on the till's origin for its metrics: 403, whatever the token. */
export const metricsRefused = { name: 'request-termination', config: { status_code: 403, message: 'metrics are read by Prometheus only' } };

/** The till's route: its host, every path, no token (the web app's files are public; its
 * /api/… calls carry the cashier's token to the apps, which verify it); and beside it /metrics
 * (the longer prefix, so it wins), refused. */
export function tillService() {
  const till = runFile().find(({ app }) => app === TILL_APP);
  if (!till) throw new Error(`dapr.yaml has no ${TILL_APP}`);
  const route = {
    hosts: [new URL(TILL_ORIGIN).host], protocols: ['https'], https_redirect_status_code: 426,
    preserve_host: false, strip_path: false, regex_priority: 0, methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  };
  return {
    name: TILL_APP, host: `${TILL_APP}.${NAMESPACE}.svc.cluster.local`, port: till.http, protocol: 'http', path: '/', plugins: [],
    routes: [
      { name: `${TILL_APP}_web-app`, paths: ['/'], ...route, tags: ['public'], plugins: [] },
      { name: `${TILL_APP}_metrics-refused`, paths: ['/metrics'], ...route, tags: [], plugins: [metricsRefused] },
    ],
  };
}

type Plugin = { name: string; config: Record<string, unknown>; tags?: string[] };

/** On every non-public route. Tokens only in the Authorization header, never in a URL. */
export const jwtPlugin: Plugin = {
  name: 'jwt',
  config: { key_claim_name: 'kid', claims_to_verify: ['exp'], header_names: ['authorization'], uri_param_names: [], cookie_names: [] },
};

/** Guessing passwords and replaying refresh tokens: a few tries a minute per registered till
 * (X-Till-Id), and per client address for a login without one (Kong falls back to the address
 * when the header is missing). A shop's tills share its one address, so counting them by it
 * would let bad logins from anything else on the shop's network shut every till out. A made-up
 * X-Till-Id escapes this limit but not the gateway's own per-address one, and the user service
 * answers it 401 TILL.UNKNOWN after one lookup, before any password is checked. */
const TILL_HEADER = 'X-Till-Id';
export const loginRateLimit: Plugin = { name: 'rate-limiting', config: { minute: 10, hour: 100, limit_by: 'header', header_name: TILL_HEADER, policy: 'local' } };
const refreshRateLimit: Plugin = { name: 'rate-limiting', config: { minute: 30, limit_by: 'header', header_name: TILL_HEADER, policy: 'local' } };

/** Route-level plugins beyond jwt, by operation. */
export const routePlugins = (app: string, method: string, path: string): Plugin[] => {
  if (app === 'user' && method === 'post' && path === '/auth/login') return [loginRateLimit];
  if (app === 'user' && method === 'post' && path === '/auth/refresh') return [refreshRateLimit];
  return [];
};

/** On every route. */
export const globalPlugins: Plugin[] = [
  // The apps log and propagate X-Request-Id; Kong makes one when the till sent none.
  { name: 'correlation-id', config: { header_name: 'X-Request-Id', generator: 'uuid#', echo_downstream: true } },
  {
    name: 'cors',
    config: {
      origins: [TILL_ORIGIN],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      headers: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Request-Id', 'X-Till-Id', 'X-Till-Key'],
      exposed_headers: ['ETag', 'X-Request-Id'],
      credentials: false,
      max_age: 3600,
    },
  },
  // The apps take at most 1 MB (JSON bodies, the product CSV import); refuse more at the edge.
  { name: 'request-size-limiting', config: { allowed_payload_size: 1, size_unit: 'megabytes' } },
  { name: 'rate-limiting', config: { second: 50, minute: 1200, limit_by: 'ip', policy: 'local' } },
  { name: 'prometheus', config: { status_code_metrics: true, latency_metrics: true, bandwidth_metrics: true, upstream_health_metrics: true } },
];

// /api/<app>/<path>: the web app reaches the apps through this one origin (so no CORS). Each
// call goes out through the till's own Dapr sidecar by service invocation: sidecar to sidecar
// over mTLS, where the callee's access control names `till` as a caller
// (components/<app>.configuration.yaml). The apps verify the caller's token themselves; this
// only carries the request and the answer.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type Koa from 'koa';
import {
  DependencyUnavailableError, NotFoundError, ValidationError, defineRoute, invokeUrl, sidecar, sidecarApiHeaders, type AnyRoute, type Reply,
} from '@pos/platform';

/** The apps the till forwards to, and the invocation target of each. inventory and product are
 * gRPC apps (their sidecars would hand an HTTP call to their gRPC servers), so their HTTP APIs
 * are the Dapr HTTPEndpoints `inventory-http` and `product-http` (components/*-http.yaml), still
 * through this sidecar. product is for the manager's screens (its list and CSV import). */
export const FORWARDED: Readonly<Record<string, string>> = {
  user: 'user',
  'product-query': 'product-query',
  order: 'order',
  inventory: 'inventory-http',
  product: 'product-http',
};

/** Request headers the apps read; nothing else goes (no cookies, no hop-by-hop headers). */
const REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'if-match', 'if-none-match', 'idempotency-key', 'x-till-id', 'x-till-key', 'x-approval'];
/** Answer headers the web app reads. */
const REPLY_HEADERS = ['content-type', 'etag', 'location', 'retry-after', 'www-authenticate', 'cache-control'];
/** The apps take at most 1 MB, as the platform's body parser (which reads JSON bodies first). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longer than any call of the apps (a Midtrans charge included), shorter than a browser's patience. */
const TIMEOUT_MS = 30_000;

/** Dapr-only entry points (subscriptions, Dapr's start-up questions) and the apps' metrics
 * (Prometheus' alone): never from a browser. Case-blind, as the apps' routers are. */
const isInternal = (path: string) => /^\/(dapr|events)(\/|$)|^\/metrics\/?$/i.test(path);

/** The callee's path as sent, refused when a segment would climb out of it once a URL parser
 * resolves it ('..', also as %2e%2e) or hides a separator (%2f, %5c). */
function calleePath(rawPath: string): string {
  for (const segment of rawPath.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new ValidationError('the path is not valid percent-encoding', { path: rawPath });
    }
    if (decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) throw new ValidationError('the path may not climb out of the app', { path: rawPath });
  }
  return rawPath;
}

async function bodyOf(ctx: Koa.Context): Promise<Buffer | undefined> {
  if (ctx.method === 'GET' || ctx.method === 'DELETE') return undefined;
  // JSON was read (and size-checked) by the platform's body parser; anything else is read here.
  const raw = (ctx.request as { rawBody?: string }).rawBody;
  if (raw !== undefined) return Buffer.from(raw, 'utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) ctx.throw(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

async function forward(ctx: Koa.Context, sidecarHttpPort: number, apiToken: string | undefined): Promise<Reply> {
  const app = String(ctx.params.app);
  const target = Object.hasOwn(FORWARDED, app) ? FORWARDED[app] : undefined;
  const prefix = `/api/${app}/`;
  const path = ctx.path.slice(prefix.length - 1);
  if (!target || !ctx.path.startsWith(prefix) || isInternal(path)) {
    throw new NotFoundError('TILL.NOT_FORWARDED', `the till forwards /api/{${Object.keys(FORWARDED).join(',')}}/… only, and no Dapr-only path or metrics`);
  }
  const headers: Record<string, string> = { ...sidecarApiHeaders(apiToken), 'x-request-id': ctx.response.get('x-request-id') };
  for (const name of REQUEST_HEADERS) if (ctx.get(name)) headers[name] = ctx.get(name);
  const method = `${calleePath(path)}${ctx.querystring ? `?${ctx.querystring}` : ''}`;
  const body = await bodyOf(ctx);
  let reply: Response;
  try {
    reply = await fetch(invokeUrl(target, method, sidecarHttpPort), {
      method: ctx.method, headers, ...(body && { body }), redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DependencyUnavailableError('the till\'s Dapr sidecar', error);
  }
  for (const name of REPLY_HEADERS) {
    const value = reply.headers.get(name);
    if (value !== null) ctx.set(name, value);
  }
  return { status: reply.status, body: reply.body ? Readable.fromWeb(reply.body as WebReadableStream) : undefined };
}

/** The routes of the forwarder, one per method; the sidecar's port and token are this app's own by default. */
export function forwardRoutes(options: { sidecarHttpPort?: number; apiToken?: string } = {}): AnyRoute[] {
  const { sidecarHttpPort = sidecar.httpPort, apiToken = sidecar.apiToken } = options;
  return (['get', 'post', 'put', 'patch', 'delete'] as const).map((method) => defineRoute({
    method, path: '/api/:app/*path',
    summary: `Forwards ${method.toUpperCase()} /api/<app>/<path> to the app (${Object.keys(FORWARDED).join(', ')}) through the till's sidecar`,
    responses: { 404: { description: 'not an app the till forwards to, or a Dapr-only path' }, 413: { description: 'a body over 1 MB' }, 503: { description: 'the till\'s sidecar does not answer' } },
    handle: ({ ctx }) => forward(ctx, sidecarHttpPort, apiToken),
  }));
}


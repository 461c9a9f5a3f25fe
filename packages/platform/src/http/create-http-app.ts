import { bodyParser } from '@koa/bodyparser';
import Router, { type RouterMiddleware } from '@koa/router';
import Koa from 'koa';
import type { TokenVerifier } from '../auth/token-verifier.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { authenticate } from './authenticate.ts';
import { builtinRoutes, type ReadinessChecks } from './builtin-routes.ts';
import { errorMiddleware } from './error-middleware.ts';
import { observeMiddleware } from './observe-middleware.ts';
import type { AnyRoute } from './route.ts';
import { readTextBody } from './text-body.ts';
import { invalidRequest, parsePart } from './validate.ts';

export interface HttpAppOptions {
  service: string;
  version?: string;
  routes?: readonly AnyRoute[];
  /** What /readyz checks: the service's stores and its sidecar. */
  readiness?: ReadinessChecks;
  /** Verifies access tokens for secured routes (and serves GET /whoami). */
  tokens?: TokenVerifier;
  log?: Logger;
}

const routeTables = new WeakMap<Koa, readonly AnyRoute[]>();

/** The koa app of a service: request ids and logs, metrics, error mapping, validation,
 * /healthz, /readyz, /metrics, /openapi.json, then the service's routes. Does not listen. */
export function createHttpApp(options: HttpAppOptions): Koa {
  const log = options.log ?? createLogger(options.service);
  const routes = [...builtinRoutes(options), ...(options.routes ?? [])];
  // Case-sensitive: Kong and Istio refuse /metrics by its exact path, so /METRICS must not reach it.
  const router = new Router({ sensitive: true });
  for (const route of routes) {
    if (route.auth && !options.tokens) throw new Error(`${route.method} ${route.path} is secured but the app has no token verifier`);
    router[route.method](route.path, handlerOf(route, options.tokens));
  }

  const app = new Koa();
  app.use(observeMiddleware(log));
  app.use(errorMiddleware(log));
  // extendTypes is merged index by index into the defaults, so application/json is restated.
  app.use(bodyParser({ enableTypes: ['json'], extendTypes: { json: ['application/json', 'application/cloudevents+json'] }, jsonLimit: '1mb' }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  routeTables.set(app, routes);
  return app;
}

/** The operations an app serves, for tests that compare them with its OpenAPI document. */
export function routesOf(app: Koa): readonly AnyRoute[] {
  return routeTables.get(app) ?? [];
}

function handlerOf(route: AnyRoute, tokens: TokenVerifier | undefined): RouterMiddleware {
  return async (ctx) => {
    const principal = route.auth && tokens ? await authenticate(ctx, route.auth, tokens) : undefined;
    // All three parts are checked before answering, so one 400 names every wrong field.
    const params = parsePart(route.params, ctx.params, 'params');
    const query = parsePart(route.query, ctx.query, 'query');
    const sent = route.textBody ? await readTextBody(ctx, route.textBody) : ctx.request.body;
    const body = route.body ? parsePart(route.body, sent, 'body') : { ok: true as const, value: undefined };
    if (!params.ok || !query.ok || !body.ok) {
      throw invalidRequest([params, query, body].flatMap((part) => (part.ok ? [] : part.problems)));
    }
    const reply = await route.handle({ params: params.value, query: query.value, body: body.value, ctx, principal });
    ctx.status = reply.status ?? (reply.body === undefined ? 204 : 200);
    if (reply.body !== undefined) ctx.body = reply.body;
  };
}

import { z } from 'zod';
import { AppError } from '../errors/app-errors.ts';
import { registry } from '../metrics/metrics.ts';
import { openApiDocument } from './openapi.ts';
import type { TokenVerifier } from '../auth/token-verifier.ts';
import { defineRoute, securedRoute, type AnyRoute } from './route.ts';

/** Named checks; each resolves when its dependency answers. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

const CHECK_TIMEOUT_MS = 2000;

async function runCheck(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

const status = z.object({ status: z.string() });

interface BuiltinOptions {
  service: string;
  version?: string;
  routes?: readonly AnyRoute[];
  readiness?: ReadinessChecks;
  tokens?: TokenVerifier;
}

export function builtinRoutes(options: BuiltinOptions): AnyRoute[] {
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'get', path: '/healthz', summary: 'Liveness: the process serves requests',
      responses: { 200: { description: 'alive', schema: status } },
      handle: async () => ({ body: { status: 'ok', service: options.service } }),
    }),
    defineRoute({
      method: 'get', path: '/readyz', summary: 'Readiness: its stores and its Dapr sidecar answer',
      responses: { 200: { description: 'ready', schema: status }, 503: { description: 'a dependency does not answer' } },
      handle: async () => {
        const names = Object.keys(options.readiness ?? {});
        const results = await Promise.all(Object.values(options.readiness ?? {}).map(runCheck));
        const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
        if (!results.every((result) => result === 'ok')) throw new AppError('unavailable', 'SERVICE.NOT_READY', 'a dependency does not answer', checks);
        return { body: { status: 'ready', checks } };
      },
    }),
    defineRoute({
      method: 'get', path: '/dapr/subscribe', summary: 'Dapr asks at start-up; subscriptions are declared in components/',
      responses: { 200: { description: 'no programmatic subscriptions' } },
      handle: async () => ({ body: [] }),
    }),
    defineRoute({
      method: 'get', path: '/dapr/config', summary: 'Dapr asks at start-up; this app hosts no actors',
      responses: { 200: { description: 'empty configuration' } },
      handle: async () => ({ body: {} }),
    }),
    defineRoute({
      method: 'get', path: '/metrics', summary: 'Prometheus metrics',
      responses: { 200: { description: 'metrics in the Prometheus text format' } },
      handle: async ({ ctx }) => {
        ctx.type = registry.contentType;
        return { body: await registry.metrics() };
      },
    }),
    defineRoute({
      method: 'get', path: '/openapi.json', summary: 'This OpenAPI document',
      responses: { 200: { description: 'OpenAPI 3.1' } },
      handle: async () => ({ body: document }),
    }),
  ];
  if (options.tokens) {
    routes.push(securedRoute({
      method: 'get', path: '/whoami', summary: 'Who the access token says you are, as this service verifies it',
      roles: 'any-role',
      responses: { 200: { description: 'the verified caller', schema: z.object({ id: z.string(), role: z.string(), name: z.string() }) } },
      handle: async ({ principal }) => ({ body: principal }),
    }));
  }
  const document = openApiDocument(
    { title: `${options.service} API`, version: options.version ?? '0.1.0' },
    [...routes, ...(options.routes ?? [])],
  );
  return routes;
}

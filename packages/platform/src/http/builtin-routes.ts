import { z } from 'zod';
import { AppError } from '../errors/app-errors.ts';
import { registry } from '../metrics/metrics.ts';
import { isDraining } from '../service/draining.ts';
import { openApiDocument } from './openapi.ts';
import type { TokenVerifier } from '../auth/token-verifier.ts';
import { defineRoute, securedRoute, type AnyRoute } from './route.ts';

/** Named checks; each resolves when its dependency answers. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

const CHECK_TIMEOUT_MS = 2000;

/** Resolves to the check's failure, or undefined when its dependency answered in time. */
async function runCheck(check: () => Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return undefined;
  } catch (error) {
    return error ?? new Error('check failed');
  } finally {
    clearTimeout(timer);
  }
}

/** Anyone may call /readyz, so its body names each dependency and its state only; the raw
 * failures, which may hold addresses and database names, go to the log as the 503's cause. */
async function readiness(checks: ReadinessChecks): Promise<Record<string, 'ok' | 'unavailable'>> {
  if (isDraining()) throw new AppError('unavailable', 'SERVICE.STOPPING', 'the service is shutting down');
  const names = Object.keys(checks);
  const failures = await Promise.all(Object.values(checks).map(runCheck));
  const states = Object.fromEntries(names.map((name, i) => [name, failures[i] === undefined ? 'ok' as const : 'unavailable' as const]));
  const failed = names.flatMap((name, i) => (failures[i] === undefined ? [] : [`${name}: ${messageOf(failures[i])}`]));
  if (failed.length > 0) {
    const error = new AppError('unavailable', 'SERVICE.NOT_READY', 'a dependency does not answer', states);
    error.cause = new Error(failed.join('; '));
    throw error;
  }
  return states;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
      responses: { 200: { description: 'ready', schema: status }, 503: { description: 'a dependency does not answer, or the service is stopping' } },
      handle: async () => ({ body: { status: 'ready', checks: await readiness(options.readiness ?? {}) } }),
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

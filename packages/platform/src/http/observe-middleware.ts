import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import type { Logger } from '../logging/logger.ts';
import { runInRequestContext } from '../logging/request-context.ts';
import { httpDuration, httpErrors, httpRequests } from '../metrics/metrics.ts';

const quiet = new Set(['/healthz', '/readyz', '/metrics']);

/** Gives each request an id (kept from x-request-id when the caller sent one), then writes
 * one log line and the RED metrics for it, labelled by route pattern, not by raw path. */
export function observeMiddleware(log: Logger): Koa.Middleware {
  return async (ctx, next) => {
    const requestId = ctx.get('x-request-id') || randomUUID();
    ctx.set('x-request-id', requestId);
    const started = performance.now();
    await runInRequestContext({ requestId }, async () => {
      try {
        await next();
      } finally {
        // Never the raw path: ids in paths would make a metric series per id.
        const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
        const seconds = (performance.now() - started) / 1000;
        httpRequests.inc({ method: ctx.method, route, status: ctx.status });
        httpDuration.observe({ method: ctx.method, route }, seconds);
        if (ctx.status >= 500) httpErrors.inc({ method: ctx.method, route });
        if (!quiet.has(ctx.path)) {
          log.info({ method: ctx.method, route, status: ctx.status, durationMs: Math.round(seconds * 1000) }, 'request');
        }
      }
    });
  };
}

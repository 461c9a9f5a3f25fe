import type Koa from 'koa';
import { AppError, TooManyRequestsError } from '../errors/app-errors.ts';
import { httpStatusOf } from '../errors/status-codes.ts';
import { storeFailureAsAppError } from '../errors/store-errors.ts';
import type { Logger } from '../logging/logger.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The one place where errors become HTTP statuses and the one JSON shape clients see. */
export function errorMiddleware(log: Logger): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        reply(ctx, 404, { code: 'ROUTE.NOT_FOUND', message: `no route for ${ctx.method} ${ctx.path}` });
      } else if (ctx.status === 405) {
        reply(ctx, 405, { code: 'ROUTE.METHOD_NOT_ALLOWED', message: `${ctx.method} is not allowed on ${ctx.path}` });
      }
    } catch (thrown) {
      const error = thrown instanceof AppError ? thrown : storeFailureAsAppError(thrown) ?? thrown;
      if (error instanceof AppError) {
        if (error.kind === 'unauthorized') ctx.set('WWW-Authenticate', 'Bearer');
        if (error instanceof TooManyRequestsError) ctx.set('Retry-After', String(error.retryAfterSeconds));
        const status = httpStatusOf[error.kind];
        // The client sees only the code; what actually failed (the cause) is for the log.
        if (status >= 500) log.warn({ err: error, status }, 'service unavailable');
        reply(ctx, status, { code: error.code, message: error.message, details: error.details });
      } else if (isBodyParserError(error)) {
        reply(ctx, error.status, { code: bodyErrorCodes[error.status] ?? 'REQUEST.MALFORMED', message: `request body refused: ${error.message}` });
      } else {
        log.error({ err: error }, 'unhandled error');
        reply(ctx, 500, { code: 'INTERNAL', message: 'internal error' });
      }
    }
  };
}

function reply(ctx: Koa.Context, status: number, error: ErrorBody['error']): void {
  ctx.status = status;
  ctx.body = { error } satisfies ErrorBody;
}

const bodyErrorCodes: Record<number, string> = { 413: 'REQUEST.TOO_LARGE', 415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' };

/** The body parser's errors (bad JSON, too large) carry a 4xx status: the client's fault, not ours. */
function isBodyParserError(error: unknown): error is { status: number; message: string } {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

import { trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';
import { currentRequestContext } from './request-context.ts';

export type { Logger };

/** JSON lines on stdout; each line carries the request id and trace id of the work it belongs to. */
export function createLogger(service: string): Logger {
  return pino({
    base: { service },
    level: process.env.LOG_LEVEL ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const span = trace.getActiveSpan()?.spanContext();
      return {
        ...currentRequestContext(),
        ...(span && { traceId: span.traceId, spanId: span.spanId }),
      };
    },
  });
}

import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout, one logger per service. */
export function createLogger(service: string): Logger {
  return pino({
    base: { service },
    level: process.env.LOG_LEVEL ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

// Releases expired reservations now and then. Runs in every replica; the row locks in
// releaseExpired make sure each reservation is released by one of them only.
import { createCounter, type Logger, type Pool } from '@pos/platform';
import { releaseExpired } from '../use-cases/settle.ts';

// Alerted on when it outgrows the reservations made (observability/prometheus/rules).
const reservationsExpired = createCounter({
  name: 'inventory_reservations_expired_total',
  help: 'Reservations released by the expiry worker because their time ran out',
});

export function startExpiryWorker(pool: Pool, log: Logger, everyMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const pass = async () => {
    try {
      let released: number;
      do {
        released = await releaseExpired(pool);
        if (released > 0) log.info({ released }, 'released expired reservations');
        reservationsExpired.inc(released);
      } while (released > 0);
    } catch (error) {
      log.error({ err: error }, 'expiry pass failed; the next one retries');
    }
  };
  // A pass still under way when the timer fires is left to finish; none pile up.
  const timer = setInterval(() => { running ??= pass().finally(() => { running = undefined; }); }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

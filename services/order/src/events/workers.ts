// Background loops of every replica: the saga runner, the expiry of unpaid orders, the
// reconciliation of pending Midtrans charges, and the release of abandoned checkouts.
import { createCounter, type Logger, type Pool } from '@pos/platform';
import type { Inventory } from '../grpc/inventory.client.ts';
import { releaseAbandonedCheckouts } from '../use-cases/abandoned-checkouts.ts';
import { expireDueOrders } from '../use-cases/cancel.ts';
import { reconcilePendingTenders, type ReconcileDeps, type ReconcileResult } from '../use-cases/reconcile.ts';
import { runDueSteps, SAGA_BATCH, type StepHandlers } from '../use-cases/run-saga.ts';

export interface Worker {
  /** Runs a pass now (or right after the one under way). */
  kick(): void;
  stop(): Promise<void>;
}

/** Runs `pass` every `everyMs` and on each kick, one pass at a time; a pass that did at least
 * `full` items (more may be waiting), or during which a kick came, is followed at once by another. */
function loop(name: string, pass: () => Promise<number>, everyMs: number, log: Logger, full = 1): Worker {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = async () => {
    do {
      again = false;
      try {
        if ((await pass()) >= full) again = true;
      } catch (error) {
        log.error({ err: error, worker: name }, 'worker pass failed; the next one retries');
      }
    } while (again && !stopped);
  };
  const kick = () => {
    if (stopped) return;
    if (running) { again = true; return; }
    running = run().finally(() => { running = undefined; });
  };
  const timer = setInterval(kick, everyMs);
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

// A pass that did not fill its batch took every step due (the steps committed meanwhile kicked
// the worker themselves), so it is followed by another only when it was full.
export const startSagaWorker = (pool: Pool, handlers: StepHandlers, everyMs: number, log: Logger): Worker =>
  loop('saga', () => runDueSteps(pool, handlers, SAGA_BATCH), everyMs, log, SAGA_BATCH);

export function startExpiryWorker(pool: Pool, everyMs: number, log: Logger, afterExpiry: () => void): Worker {
  return loop('expiry', async () => {
    const expired = await expireDueOrders(pool);
    if (expired.length > 0) {
      log.info({ expired: expired.length }, 'expired unpaid orders');
      afterExpiry();
    }
    return expired.length;
  }, everyMs, log);
}

/** Releases the units of checkouts that died between Reserve and their commit (use-cases/abandoned-checkouts.ts). */
export function startIntentsWorker(pool: Pool, inventory: Inventory, olderThanSeconds: number, everyMs: number, log: Logger): Worker {
  return loop('intents', async () => {
    const settled = await releaseAbandonedCheckouts(pool, inventory, olderThanSeconds);
    if (settled > 0) log.info({ settled }, 'settled the intents of abandoned checkouts');
    return settled;
  }, everyMs, log);
}

const reconciled = createCounter({
  name: 'order_payments_reconciled_total',
  help: 'Pending Midtrans charges asked about by reconciliation, by what it found: paid or cancelled (applied; paid means its notification never came), pending, never_charged (cancelled here), failed (asked again later)',
  labelNames: ['outcome'],
});

/** Asks Midtrans about pending charges whose notification has not come (use-cases/reconcile.ts). */
export function startReconcileWorker(deps: ReconcileDeps, firstWaitSeconds: number, everyMs: number, log: Logger): Worker {
  return loop('reconcile', async () => {
    const results = await reconcilePendingTenders(deps, firstWaitSeconds);
    const counts = new Map<ReconcileResult, number>();
    for (const result of results) counts.set(result, (counts.get(result) ?? 0) + 1);
    for (const [outcome, count] of counts) reconciled.inc({ outcome }, count);
    if (results.length > 0) log.info({ reconciled: Object.fromEntries(counts) }, 'asked Midtrans about pending charges');
    return results.length;
  }, everyMs, log);
}

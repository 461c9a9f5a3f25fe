// Sends waiting sales to the order app (PUT /offline-sales/:id), driven by the page itself:
// when the connection comes back, when the till's tab becomes visible, on a timer, and after
// each sale. (Background Sync is Chromium's alone, and a service worker's queue replays only
// when it starts.) A sale refused for good goes to "needs attention" with the reason; the
// others go on.
import { callRawUrl, Unreachable } from './api.ts';
import { watchConnectivity } from './connectivity.ts';
import { classifyUpload, retryDelayMs, uploadPath, type UploadOutcome } from '../kit/outbox.ts';
import { db, type StoredSale } from './db.ts';
import { refreshCounts } from './offline-sales.ts';
import { session } from './session.ts';

const EVERY_MS = 15_000;

async function settle(sale: StoredSale, outcome: UploadOutcome): Promise<void> {
  if (outcome.kind === 'done') await db.sales.update(sale.id, { state: 'sent', sentAt: new Date().toISOString() });
  else if (outcome.kind === 'needs-attention') await db.sales.update(sale.id, { state: 'attention', refusal: { code: outcome.code, reason: outcome.reason } });
  else await db.sales.update(sale.id, { attempts: sale.attempts + 1, nextAttemptAt: Date.now() + retryDelayMs(sale.attempts + 1) });
}

let running: Promise<void> | undefined;
/** Sends each waiting sale that is due, oldest first; one run at a time. */
export function uploadWaiting(): Promise<void> {
  if (!session.value) return Promise.resolve();
  running ??= (async () => {
    try {
      const now = Date.now();
      const due = (await db.sales.where('state').equals('waiting').sortBy('soldAt')).filter((sale) => sale.nextAttemptAt <= now);
      for (const sale of due) {
        let reply: { status: number; body: unknown };
        try {
          reply = await callRawUrl(uploadPath(sale), { method: 'PUT', body: sale.body });
        } catch (error) {
          if (error instanceof Unreachable) break; // the rest would fail alike: wait for the next trigger
          throw error;
        }
        await settle(sale, classifyUpload(reply.status, reply.body));
      }
    } finally {
      running = undefined;
      await refreshCounts();
    }
  })();
  return running;
}

/** Starts the triggers; the returned function stops them (the tab lost the till to another). */
export function startUploads(): () => void {
  const run = () => { void uploadWaiting(); };
  const visible = () => { if (document.visibilityState === 'visible') run(); };
  const stopWatching = watchConnectivity(run);
  document.addEventListener('visibilitychange', visible);
  const timer = setInterval(run, EVERY_MS);
  run();
  return () => { stopWatching(); document.removeEventListener('visibilitychange', visible); clearInterval(timer); };
}

// Whether the till can reach the apps: the browser's own idea (online/offline events) and the
// last call's outcome. While it cannot, a light probe every few seconds finds out when it can.
import { computed, signal } from '@preact/signals';
import { callRaw, reachable, Unreachable } from './api.ts';

export const browserOnline = signal(navigator.onLine);
export const online = computed(() => browserOnline.value && reachable.value);

const PROBE_EVERY_MS = 5_000;

export async function probe(): Promise<boolean> {
  try {
    await callRaw('user', '/.well-known/jwks.json', { auth: false, timeoutMs: 5_000 });
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
  }
  return reachable.value;
}

/** Calls `onBack` whenever the connection comes back (and the caller should upload). */
export function watchConnectivity(onBack: () => void): () => void {
  const wentOnline = () => { browserOnline.value = true; void probe().then((up) => { if (up) onBack(); }); };
  const wentOffline = () => { browserOnline.value = false; };
  addEventListener('online', wentOnline);
  addEventListener('offline', wentOffline);
  const timer = setInterval(() => {
    if (browserOnline.value && !reachable.value) void probe().then((up) => { if (up) onBack(); });
  }, PROBE_EVERY_MS);
  return () => { removeEventListener('online', wentOnline); removeEventListener('offline', wentOffline); clearInterval(timer); };
}

// What an offline sale's upload came to, and when to try again. Transient failures (no answer,
// the server or a sidecar away, too many requests, a session that ended) are retried with
// backoff; a typed, permanent rejection is kept for a person to look at and does not hold up
// the sales queued behind it (one bad invoice blocking all syncing: frappe/erpnext#11000).

export interface ServerFlag {
  code: string;
  productId?: string;
  [detail: string]: unknown;
}

export type UploadOutcome =
  | { kind: 'done'; flags: ServerFlag[] }
  | { kind: 'retry'; code: string; reason: string }
  | { kind: 'needs-attention'; code: string; reason: string };

const errorOf = (body: unknown): { code?: unknown; message?: unknown } =>
  (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null ? body.error : {});

function flagsOf(body: unknown): ServerFlag[] {
  const flags = typeof body === 'object' && body !== null && 'flags' in body ? body.flags : undefined;
  return Array.isArray(flags) ? flags.filter((flag): flag is ServerFlag => typeof flag?.code === 'string') : [];
}

const PERMANENT: Record<number, string> = {
  400: 'the server cannot read this sale',
  403: 'this till may not send sales',
  409: 'another sale was sent with this id',
  413: 'the sale is too large for the server',
  422: 'the server can never take this sale',
};

/**
 * The outcome of one PUT /offline-sales/:id: `status` null when no answer came (offline, a
 * timeout, an aborted request). 2xx done; 400/403/409/413/422 and any other refusal need
 * attention; no answer, 5xx, 401 (sign in, then again), 404 (a route not there yet), 408 and 429
 * are tried again.
 */
export function classifyUpload(status: number | null, body: unknown): UploadOutcome {
  if (status !== null && status >= 200 && status < 300) return { kind: 'done', flags: flagsOf(body) };
  const error = errorOf(body);
  const serverCode = typeof error.code === 'string' ? error.code : undefined;
  const serverMessage = typeof error.message === 'string' ? error.message : undefined;
  if (status === null) return { kind: 'retry', code: 'NETWORK', reason: 'no answer from the server' };
  const code = serverCode ?? `HTTP_${status}`;
  if (status === 401) return { kind: 'retry', code, reason: 'the session has ended: sign in again' };
  const transient = status >= 500 || status === 404 || status === 408 || status === 429 || status < 400;
  if (transient) return { kind: 'retry', code, reason: serverMessage ?? `the server answered ${status}` };
  return { kind: 'needs-attention', code, reason: serverMessage ?? PERMANENT[status] ?? `the server refused the sale (${status})` };
}

export const RETRY_BASE_MS = 2_000;
export const RETRY_CAP_MS = 5 * 60_000;

/**
 * How long to wait before attempt `attempt + 1` (`attempt` from 1): doubling from 2 s up to a
 * cap of 5 minutes, each wait drawn between half and all of that, so tills that lost the network
 * together do not all come back in the same second. `random` in [0, 1).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 20);
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

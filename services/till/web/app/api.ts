// Calls to the apps through the till's own origin (/api/<app>/<path>). Two kinds of failure
// matter to a till: the apps answered no (ApiError, with the app's error code), or they could
// not be reached (Unreachable: no network, a timeout, or a gateway with no app's answer).
// Only the second lets a sale go on offline.
import { signal } from '@preact/signals';

export type AppName = 'user' | 'product' | 'product-query' | 'order' | 'inventory';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: unknown;
  /** Seconds, from a 429's Retry-After. */
  readonly retryAfter: number | undefined;
  constructor(status: number, code: string, body: unknown, retryAfter?: number) {
    super(`${status} ${code}`);
    this.status = status;
    this.code = code;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}
export class Unreachable extends Error {}

/** False since a call found the apps unreachable, true again at the first answer. */
export const reachable = signal(true);

export interface Auth {
  token(): string | undefined;
  /** A new access token after a 401; false when there is none to be had. */
  refresh(): Promise<boolean>;
  /** The device credential, sent with logins and refreshes at a registered till. */
  deviceHeaders(): Record<string, string>;
}
let auth: Auth | undefined;
export const useAuth = (provider: Auth): void => { auth = provider; };

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** A body sent as it is (a CSV file), instead of `body` as JSON. */
  text?: { contentType: string; content: string };
  headers?: Record<string, string>;
  /** false: no token (a login); 'device': the device credential instead. */
  auth?: boolean | 'device';
  timeoutMs?: number;
}

const errorCode = (body: unknown): string | undefined => {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' ? code : undefined;
};

interface Answer { status: number; body: unknown; retryAfter?: number }

async function send(url: string, options: CallOptions): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.text) headers['content-type'] = options.text.contentType;
  if (options.auth === 'device') Object.assign(headers, auth?.deviceHeaders());
  const token = options.auth === false || options.auth === 'device' ? undefined : auth?.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET', headers, cache: 'no-store',
      body: options.text?.content ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    reachable.value = false;
    throw new Unreachable(`${url}: ${String(error)}`);
  }
  const text = await response.text();
  let body: unknown = text;
  try { body = text === '' ? undefined : JSON.parse(text); } catch { /* a gateway's page, not an app's answer */ }
  // An app always answers its errors as { error: { code } }; anything else at 5xx is the way there.
  if (response.status >= 500 && errorCode(body) === undefined) {
    reachable.value = false;
    throw new Unreachable(`${url}: ${response.status}`);
  }
  reachable.value = true;
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return { status: response.status, body, ...(Number.isFinite(retryAfter) && { retryAfter }) };
}

/** The raw answer at a path of the till's origin (/api/<app>/…), for callers that sort statuses
 * themselves (the upload of offline sales). A 401 refreshes the session once and asks again. */
export async function callRawUrl(url: string, options: CallOptions = {}): Promise<Answer> {
  const first = await send(url, options);
  // A manager's wrong PIN is a 401 of its own (APPROVAL.WRONG_PIN): the session is fine.
  if (first.status !== 401 || errorCode(first.body)?.startsWith('APPROVAL.')) return first;
  if (options.auth === false || options.auth === 'device' || !auth || !(await auth.refresh())) return first;
  return send(url, options);
}

export const callRaw = (app: AppName, path: string, options: CallOptions = {}) => callRawUrl(`/api/${app}${path}`, options);

export async function call<T>(app: AppName, path: string, options: CallOptions = {}): Promise<T> {
  const { status, body, retryAfter } = await callRaw(app, path, options);
  if (status >= 400) throw new ApiError(status, errorCode(body) ?? `HTTP_${status}`, body, retryAfter);
  return body as T;
}

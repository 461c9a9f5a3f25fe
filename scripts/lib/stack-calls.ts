// Calls to the running stack's apps from the scripts, by the ports of dapr.yaml and with the
// local secrets (POS_SECRETS_FILE, set by scripts/lib/env.sh).
import { readFileSync } from 'node:fs';
import { runFileApps } from './run-file.ts';

const apps = runFileApps(new URL('../../dapr.yaml', import.meta.url).pathname);

/** An app's HTTP API base URL. */
export const api = (app: string): string => {
  const found = apps.find((candidate) => candidate.app === app);
  if (!found) throw new Error(`dapr.yaml has no ${app}`);
  return `http://127.0.0.1:${found.http}`;
};

export function secret(key: string): string {
  const file = process.env.POS_SECRETS_FILE;
  if (!file) throw new Error('POS_SECRETS_FILE is not set (scripts/lib/env.sh sets it)');
  const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[key];
  if (!value) throw new Error(`no secret ${key} in ${file}`);
  return value;
}

export async function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(options.token && { authorization: `Bearer ${options.token}` }), ...options.headers },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  }).catch((error: unknown) => { throw new Error(`${method} ${url}: ${String(error)}`, { cause: error }); });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

export async function expectStatus(status: number, reply: Promise<{ status: number; body: Record<string, unknown> }>, what: string) {
  const { status: got, body } = await reply;
  if (got !== status) throw new Error(`${what} answered ${got}, not ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** The admin's access token (the local secrets' admin account). */
export async function adminToken(): Promise<string> {
  const login = await expectStatus(200, call('POST', `${api('user')}/auth/login`, { body: { email: secret('admin-email'), password: secret('admin-password') } }), 'login');
  return String(login.accessToken);
}

/** Stock received in inventory, which learns a new product from its event: until then 404. */
export async function receiveStock(token: string, productId: string, quantity: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const received = await call('POST', `${api('inventory')}/stock/${productId}/adjustments`, { token, body: { kind: 'received', quantity, reason: 'delivery' } });
    if (received.status === 201) return;
    if (attempt === 150) throw new Error(`inventory never took stock of ${productId}: ${received.status} ${JSON.stringify(received.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Small factories for the user service's tests: each test makes its own accounts.
import { randomInt, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { localSecret, request, type Reply } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';

export const USER_API = service('user').url;

/** A call to the user service, from this test's own loopback address (the service throttles
 * failed logins per source address, and one address for the whole suite would look like
 * password spraying); `path` may also be a whole URL (another service). */
export const call = <T = Record<string, unknown>>(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string } = {}) =>
  (path.startsWith('http') ? request<T>(method, path, options) : callFrom<T>(testAddress, method, path, options));

let testAddress = '127.0.0.1';
// A root hook: every test, in every file that uses these helpers, gets an address of its own.
beforeEach(() => { testAddress = freshAddress(); });

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; role: string; name: string };
}

export async function login(email: string, password: string): Promise<Session> {
  const reply = await call<Session>('POST', '/auth/login', { body: { email, password } });
  if (reply.status !== 200) throw new Error(`login of ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

let admin: Promise<Session> | undefined;
/** The first admin, as bootstrapped from the secret store. */
export function asAdmin(): Promise<Session> {
  admin ??= login(localSecret('admin-email'), localSecret('admin-password'));
  return admin;
}

export const uniqueEmail = (tag = 'user') => `${tag}-${randomUUID()}@shop.test`;

/** A new account made by the admin, logged in. */
export async function newUser(role: 'admin' | 'manager' | 'cashier' = 'cashier', name = 'Test User'): Promise<Session & { password: string }> {
  const password = `pw-${randomUUID()}`;
  const email = uniqueEmail(role);
  const created = await call('POST', '/users', { token: (await asAdmin()).accessToken, body: { name, email, role, password } });
  if (created.status !== 201) throw new Error(`could not create ${email}: ${JSON.stringify(created.body)}`);
  return { ...(await login(email, password)), password };
}

/** A call from another loopback address (any of 127.0.0.0/8 reaches the service), as a
 * client on another machine would connect: the service sees that address as the source. */
export function callFrom<T = Record<string, unknown>>(address: string, method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
  const url = new URL(path, USER_API);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers = { ...(body && { 'content-type': 'application/json' }), ...(options.token && { authorization: `Bearer ${options.token}` }), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers, localAddress: address }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const replyHeaders = new Headers(Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])));
        resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T, headers: replyHeaders });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A loopback address no other test uses, so its login counts start at zero. */
export const freshAddress = () => `127.${1 + randomInt(250)}.${randomInt(256)}.${1 + randomInt(250)}`;

export interface RegisteredTill {
  till: { id: string; code: string; outletId: string; name: string; createdAt: string; revokedAt: string | null };
  key: string;
}

/** A till code no other test uses (1–12 of A-Z 0-9 -). */
export const uniqueTillCode = () => `T${randomUUID().slice(0, 8).toUpperCase()}`;

/** A new till registered by the admin. */
export async function newTill(outletId = 'OUTLET-1'): Promise<RegisteredTill> {
  const reply = await call<RegisteredTill>('POST', '/tills', { token: (await asAdmin()).accessToken, body: { code: uniqueTillCode(), outletId } });
  if (reply.status !== 201) throw new Error(`could not register a till: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** The headers of a login or refresh at a registered till. */
export const atTill = (registered: RegisteredTill) => ({ 'x-till-id': registered.till.id, 'x-till-key': registered.key });

// Small factories for the user service's tests: each test makes its own accounts.
import { randomUUID } from 'node:crypto';
import { localSecret } from '@pos/platform/testing';

export const USER_API = 'http://127.0.0.1:3001';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  method: string, url: string, options: { token?: string; body?: unknown } = {},
): Promise<Reply<T>> {
  const response = await fetch(url.startsWith('http') ? url : `${USER_API}${url}`, {
    method,
    headers: {
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

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

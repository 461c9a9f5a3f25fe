// The till as a device (its id and key, kept in IndexedDB from its registration on) and the
// cashier's session at it (kept too: a reload, or a day offline, keeps the cashier at work).
import { signal } from '@preact/signals';
import { ApiError, call, Unreachable, useAuth } from './api.ts';
import { readKv, writeKv, db } from './db.ts';

export interface Device { tillId: string; tillKey: string; code: string; outletId: string; name: string }
export interface Cashier { id: string; name: string; role: string }
export interface Session { accessToken: string; refreshToken: string; user: Cashier }
interface TokenPair { accessToken: string; refreshToken: string; expiresIn: number }
interface Till { id: string; code: string; outletId: string; name: string }

/** undefined until read from IndexedDB; null when there is none. */
export const device = signal<Device | null | undefined>(undefined);
export const session = signal<Session | null | undefined>(undefined);

export class NotAManager extends Error {}

function claims(token: string): { sub: string; name: string; role: string } {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { sub: string; name: string; role: string };
}

const sessionOf = (pair: TokenPair): Session => {
  const { sub, name, role } = claims(pair.accessToken);
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: { id: sub, name, role } };
};

async function keepSession(value: Session | null): Promise<void> {
  if (value) await writeKv('session', value);
  else await db.kv.delete('session');
  session.value = value;
}

export async function loadSession(): Promise<void> {
  device.value = (await readKv<Device>('device')) ?? null;
  session.value = (await readKv<Session>('session')) ?? null;
}

/** Once per device: a manager's login, then POST /tills; the key is shown by the API this once. */
export async function registerTill(input: { email: string; password: string; code: string; outletId: string; name: string }): Promise<void> {
  const manager = await call<TokenPair>('user', '/auth/login', { method: 'POST', body: { email: input.email, password: input.password }, auth: false });
  if (!['manager', 'admin'].includes(claims(manager.accessToken).role)) throw new NotAManager();
  const made = await call<{ till: Till; key: string }>('user', '/tills', {
    method: 'POST', auth: false, headers: { authorization: `Bearer ${manager.accessToken}` },
    body: { code: input.code, outletId: input.outletId, ...(input.name && { name: input.name }) },
  });
  const value: Device = { tillId: made.till.id, tillKey: made.key, code: made.till.code, outletId: made.till.outletId, name: made.till.name };
  await writeKv('device', value);
  device.value = value;
}

export async function login(email: string, password: string): Promise<void> {
  const pair = await call<TokenPair>('user', '/auth/login', { method: 'POST', body: { email, password }, auth: 'device' });
  await keepSession(sessionOf(pair));
}

let refreshing: Promise<boolean> | undefined;
/** A new pair for the refresh token (used once); a refused one ends the session. */
function refresh(): Promise<boolean> {
  const current = session.value;
  if (!current) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const pair = await call<TokenPair>('user', '/auth/refresh', { method: 'POST', body: { refreshToken: current.refreshToken }, auth: 'device' });
      await keepSession(sessionOf(pair));
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) await keepSession(null);
      if (error instanceof Unreachable || error instanceof ApiError) return false;
      throw error;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** Ends the session at this till. The caller checks first that no sale waits for upload. */
export async function endSession(): Promise<void> {
  await keepSession(null);
}

useAuth({
  token: () => session.value?.accessToken,
  refresh,
  deviceHeaders: (): Record<string, string> => (device.value ? { 'x-till-id': device.value.tillId, 'x-till-key': device.value.tillKey } : {}),
});

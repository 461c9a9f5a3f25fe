import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { limitConcurrency } from '@pos/platform';

/** scrypt cost: N = 2^logN, block size r, parallelism p. Memory is about 128·N·r bytes. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

const KEY_LENGTH = 32;

/** The cost OWASP recommends for scrypt: N = 2^17, r = 8, p = 1 (128 MiB a hash). */
export const DEFAULT_LOG_N = 17;

// Two derivations at once, so a burst of logins holds 256 MiB at the default cost (the app's
// container may use 512 MiB, k8s/base/apps/user.yaml); the others wait their turn.
const oneOfTwo = limitConcurrency(2);

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  return oneOfTwo(() => new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)));
  }));
}

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password in constant time; says whether the stored hash used weaker parameters
 * than the current ones, so the caller can store a new hash while it knows the password. */
export async function verifyPassword(password: string, stored: string, current: ScryptParams): Promise<{ ok: boolean; needsRehash: boolean }> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return { ok: false, needsRehash: false };
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  const needsRehash = params.logN < current.logN || params.r < current.r || params.p < current.p;
  return { ok, needsRehash };
}

/** Costs what checking a real password costs, so an unknown email answers no faster. */
export async function spendPasswordCheckTime(password: string, current: ScryptParams): Promise<void> {
  await derive(password, randomBytes(16), current);
}

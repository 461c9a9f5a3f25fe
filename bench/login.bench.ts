// What a login costs with the default scrypt parameters (N=2^17, r=8, p=1): sequential
// logins against the running user service, and a wrong password for a known email against
// one for an unknown email (the two should cost about the same: an unknown email still
// spends a password check, so its answer's time does not tell that no account exists).
// Prints figures; asserts nothing.
import { randomInt, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { localSecret } from '@pos/platform/testing';
import { service } from '../tests/support/stack.ts';

const LOGINS = Number(process.env.BENCH_LOGINS ?? 50);
const url = new URL('/auth/login', service('user').url);

/** One login from a loopback address of its own, so the per-address throttle never answers first. */
function timedLogin(email: string, password: string, expected: number): Promise<number> {
  const localAddress = `127.${1 + randomInt(250)}.${randomInt(256)}.${1 + randomInt(250)}`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === expected ? resolve(performance.now() - started) : reject(new Error(`login answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ email, password }));
  });
}

async function measure(label: string, email: string, password: string, expected: number): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < LOGINS; i++) samples.push(await timedLogin(email, password, expected));
  samples.sort((a, b) => a - b);
  const at = (q: number) => (samples[Math.floor(q * (samples.length - 1))] ?? 0).toFixed(1);
  console.log(`${label.padEnd(36)} logins=${LOGINS} p50=${at(0.5)}ms p95=${at(0.95)}ms max=${at(1)}ms`);
}

const admin = localSecret('admin-email');
await measure('login (scrypt N=2^17)', admin, localSecret('admin-password'), 200);
await measure('login, known email, wrong password', admin, `wrong-${randomUUID()}`, 401);
await measure('login, unknown email', `nobody-${randomUUID()}@shop.test`, 'any password', 401);

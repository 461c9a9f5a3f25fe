// What a login costs with the default scrypt parameters (N=2^15, r=8, p=1): sequential
// logins against the running user service. Prints figures; asserts nothing.
import { localSecret } from '@pos/platform/testing';
import { service } from '../tests/support/stack.ts';

const LOGINS = Number(process.env.BENCH_LOGINS ?? 50);
const body = JSON.stringify({ email: localSecret('admin-email'), password: localSecret('admin-password') });
const samples: number[] = [];
for (let i = 0; i < LOGINS; i++) {
  const started = performance.now();
  const response = await fetch(`${service('user').url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (response.status !== 200) throw new Error(`login answered ${response.status}`);
  await response.arrayBuffer();
  samples.push(performance.now() - started);
}
samples.sort((a, b) => a - b);
const at = (q: number) => (samples[Math.floor(q * (samples.length - 1))] ?? 0).toFixed(1);
console.log(`${'login (scrypt N=2^15)'.padEnd(36)} logins=${LOGINS} p50=${at(0.5)}ms p95=${at(0.95)}ms max=${at(1)}ms`);

// How soon a revoked session is refused by the other services (the target: within a
// second): a cashier is deactivated, then each service is asked every few milliseconds until
// it refuses the cashier's still-valid token. The tests check only that it happens.
// Prints figures; asserts nothing. Run with `npm run bench`.
import { randomUUID } from 'node:crypto';
import { localSecret, request } from '@pos/platform/testing';
import { service } from '../tests/support/stack.ts';

const ROUNDS = Number(process.env.BENCH_REVOCATIONS ?? 10);
const USER = service('user').url;
const OTHERS = ['product', 'inventory', 'product-query', 'order'];

async function login(email: string, password: string): Promise<string> {
  const reply = await request<{ accessToken: string }>('POST', `${USER}/auth/login`, { body: { email, password } });
  if (reply.status !== 200) throw new Error(`login of ${email} answered ${reply.status}`);
  return reply.body.accessToken;
}

/** Milliseconds from `since` until `app` refuses the token as revoked. */
async function refusedAfter(app: string, token: string, since: number): Promise<number> {
  for (;;) {
    const reply = await request<{ error?: { code: string } }>('GET', `${service(app).url}/whoami`, { token });
    if (reply.status === 401 && reply.body.error?.code === 'AUTH.TOKEN_REVOKED') return performance.now() - since;
    if (performance.now() - since > 30_000) throw new Error(`${app} still accepts a revoked token after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const admin = await login(localSecret('admin-email'), localSecret('admin-password'));
const samples = new Map<string, number[]>(OTHERS.map((app) => [app, []]));
for (let round = 0; round < ROUNDS; round++) {
  const email = `bench-revoked-${randomUUID()}@shop.test`;
  const password = `pw-${randomUUID()}`;
  const created = await request<{ id: string }>('POST', `${USER}/users`, { token: admin, body: { name: 'Bench cashier', email, role: 'cashier', password } });
  if (created.status !== 201) throw new Error(`could not create a cashier: ${created.status}`);
  const token = await login(email, password);
  const deactivated = await request('POST', `${USER}/users/${created.body.id}/deactivate`, { token: admin });
  if (deactivated.status !== 200) throw new Error(`deactivation answered ${deactivated.status}`);
  const since = performance.now();
  const delays = await Promise.all(OTHERS.map((app) => refusedAfter(app, token, since)));
  OTHERS.forEach((app, i) => samples.get(app)?.push(delays[i] ?? 0));
}

const at = (sorted: number[], q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(0);
for (const [app, delays] of samples) {
  delays.sort((a, b) => a - b);
  console.log(`revocation refused by ${app.padEnd(14)} rounds=${ROUNDS} p50=${at(delays, 0.5)}ms p95=${at(delays, 0.95)}ms max=${at(delays, 1)}ms (target: 1000ms)`);
}

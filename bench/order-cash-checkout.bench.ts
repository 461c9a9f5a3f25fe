// Cash checkouts through the whole path: order -> its sidecar -> product (GetProducts) and
// inventory (Reserve), PostgreSQL commits, then the cash tender, whose Commit step and events
// (to Kafka through the outbox) follow. 32 concurrent tills, 3 lines each; then the same at a
// steady 50 orders/s (the target rate). Prints orders/s and p50/p99 of checkout + payment; asserts nothing.
import { randomUUID } from 'node:crypto';
import { localSecret } from '@pos/platform/testing';
import { service } from '../tests/support/stack.ts';
import { cpuUsage } from './cpu-usage.ts';
import { readSide, readSideDrained } from './read-side.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const TILLS = 32;
const PRODUCTS = 24;
const ORDER_API = service('order').url;

async function json(method: string, url: string, token: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const reply = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(reply)}`);
  return reply;
}

/** Products made in the catalogue, learnt by inventory, with plenty received. */
async function makeProducts(token: string): Promise<string[]> {
  const category = `bench-${randomUUID().slice(0, 8)}`;
  await json('POST', `${service('product').url}/categories`, token, { id: category, name: 'Bench' });
  const ids: string[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const product = await json('POST', `${service('product').url}/products`, token, {
      sku: `BENCH-${randomUUID().slice(0, 8)}`, name: `Bench ${i}`, categoryId: category, baseUnit: 'pcs', taxClass: i % 3 === 0 ? 'exempt' : 'standard',
      units: [{ name: 'pcs', conversion: 1, price: 1_000 + i * 500 }],
    });
    ids.push(String(product.id));
  }
  for (const id of ids) {
    for (;;) {
      const response = await fetch(`${service('inventory').url}/stock/${id}/adjustments`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ kind: 'received', quantity: 1_000_000, reason: 'bench' }) });
      if (response.status === 201) break;
      await new Promise((resolve) => setTimeout(resolve, 200)); // not learnt from its event yet
    }
  }
  return ids;
}

const threeOf = (ids: string[]) => [...new Set(Array.from({ length: 6 }, () => ids[Math.floor(Math.random() * ids.length)] as string))].slice(0, 3).map((productId) => ({ productId, quantity: 1 }));

const failures = new Map<string, number>();
/** The time of one sale (checkout + cash), or undefined when it failed (counted by its answer). */
async function sale(token: string, till: number, ids: string[]): Promise<number | undefined> {
  const begun = performance.now();
  try {
    const order = await json('POST', `${ORDER_API}/orders`, token, { outletId: 'BENCH', tillId: `T${till}`, lines: threeOf(ids) });
    await json('POST', `${ORDER_API}/orders/${String(order.id)}/payments`, token, { method: 'cash', tendered: 100_000 });
    return performance.now() - begun;
  } catch (error) {
    const reason = /answered (\d+: \{"error":\{"code":"[^"]+")/.exec(String(error))?.[1] ?? String(error).slice(0, 80);
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
    return undefined;
  }
}

function report(label: string, results: (number | undefined)[], seconds: number): void {
  const samples = results.filter((result) => result !== undefined).sort((a, b) => a - b);
  const at = (q: number) => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(1);
  console.log(`${label.padEnd(44)} orders=${samples.length} ${(samples.length / seconds).toFixed(0)}/s p50=${at(0.5)}ms p99=${at(0.99)}ms failed=${results.length - samples.length}`);
  for (const [reason, count] of failures) console.log(`  failed ${count}× ${reason}`);
  failures.clear();
}

const login = await fetch(`${service('user').url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: localSecret('admin-email'), password: localSecret('admin-password') }) });
const { accessToken: token } = (await login.json()) as { accessToken: string };
const ids = await makeProducts(token);
for (let i = 0; i < 30; i++) await sale(token, 0, ids); // warm-up: connections, JIT

// One till alone: the time a cashier waits when the shop is quiet.
const alone: (number | undefined)[] = [];
const aloneStart = performance.now();
for (let i = 0; i < 100; i++) alone.push(await sale(token, 0, ids));
report('cash checkout, 3 lines, one till alone', alone, (performance.now() - aloneStart) / 1000);

let next = 0;
const samples: (number | undefined)[] = [];
const started = performance.now();
const cpu = cpuUsage();
const fullSpeedReads = await readSide();
await Promise.all(Array.from({ length: TILLS }, async (_, till) => {
  while (next++ < ORDERS) samples.push(await sale(token, till + 1, ids));
}));
report(`cash checkout, 3 lines, ${TILLS} tills at full speed`, samples, (performance.now() - started) / 1000);
console.log(`  CPU ms per sale: ${cpu.stop(samples.length)}`);
await readSideDrained(); // the last sales' events reach the index, before the next run starts
console.log(`  ${await fullSpeedReads.stop()}`);

// A steady 50 orders/s: each sale starts on its tick, whatever the others do.
const RATE = 50;
const pacedReads = await readSide();
const pacedCpu = cpuUsage();
const paced: Promise<number | undefined>[] = [];
const pacedStart = performance.now();
for (let i = 0; i < Math.min(ORDERS, 500); i++) {
  paced.push(sale(token, 100 + (i % TILLS), ids));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, pacedStart + ((i + 1) * 1000) / RATE - performance.now())));
}
const pacedResults = await Promise.all(paced);
report(`cash checkout, 3 lines, at ${RATE} orders/s`, pacedResults, (performance.now() - pacedStart) / 1000);
console.log(`  CPU ms per sale: ${pacedCpu.stop(pacedResults.filter((result) => result !== undefined).length)}`);
await readSideDrained();
console.log(`  ${await pacedReads.stop()}`);

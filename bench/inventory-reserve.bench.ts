// Reserve throughput and latency: 32 concurrent callers, each Reserve holding 3 lines (3
// products drawn from a few dozen, as tills sell a mix), sent through the caller's sidecar and
// inventory's (dapr-app-id), then the same straight to inventory's gRPC port. Prints figures;
// asserts nothing. Each run makes its own products, learnt from product events.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import pg from 'pg';
import { loadService } from '@pos/platform';
import { localSecret } from '@pos/platform/testing';
import type { InventoryDefinition } from '@pos/platform/proto/pos/inventory/v1/Inventory.ts';
import { publishAsOwner } from '../tests/support/events.ts';
import { appApiToken, daprApiToken } from '../tests/support/sidecar-tokens.ts';
import { service } from '../tests/support/stack.ts';
import { cpuUsage } from './cpu-usage.ts';

const CALLS = Number(process.env.BENCH_RESERVES ?? 2000);
const CALLERS = 32;
const PRODUCTS = 48;
const Inventory = loadService<InventoryDefinition>('pos/inventory/v1/inventory.proto', 'pos.inventory.v1.Inventory');
type Unary = (request: object, metadata: grpc.Metadata, callback: (error: grpc.ServiceError | null, reply: unknown) => void) => void;

function client(port: number, viaSidecar: boolean) {
  const stub = new Inventory.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as Record<'reserve' | 'getStock', Unary> & { close(): void };
  const metadata = new grpc.Metadata();
  // Through order's sidecar as order (the only app inventory's policy lets reserve), or
  // straight to the app as its own sidecar would call it.
  if (viaSidecar) {
    metadata.set('dapr-app-id', 'inventory');
    metadata.set('dapr-api-token', daprApiToken('order'));
  } else metadata.set('dapr-api-token', appApiToken('inventory'));
  const call = (method: 'reserve' | 'getStock', request: object) => new Promise<unknown>((resolve, reject) =>
    stub[method](request, metadata, (error, reply) => (error ? reject(error) : resolve(reply))));
  return { call, close: () => stub.close() };
}

/** Products learnt from product events, each with plenty received. */
async function makeProducts(): Promise<string[]> {
  const ids = Array.from({ length: PRODUCTS }, () => `bench-${randomUUID()}`);
  for (const id of ids) {
    await publishAsOwner('pos.products', { type: 'pos.product.created.v1', partitionKey: id, data: { product: { id, sku: id, name: 'bench', active: true, version: 1 } } });
  }
  const direct = client(service('inventory').appPort, false);
  while (((await direct.call('getStock', { productIds: ids })) as { items: unknown[] }).items.length < ids.length) await new Promise((r) => setTimeout(r, 200));
  direct.close();
  const login = await fetch(`${service('user').url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: localSecret('admin-email'), password: localSecret('admin-password') }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  for (const id of ids) {
    await fetch(`${service('inventory').url}/stock/${id}/adjustments`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ kind: 'received', quantity: 1_000_000, reason: 'bench' }) });
  }
  return ids;
}

function threeOf(ids: string[]): { productId: string; quantity: number }[] {
  const picked = new Set<string>();
  while (picked.size < 3) picked.add(ids[Math.floor(Math.random() * ids.length)] as string);
  return [...picked].map((productId) => ({ productId, quantity: 1 }));
}

async function measure(label: string, port: number, viaSidecar: boolean, ids: string[]): Promise<void> {
  const inventory = client(port, viaSidecar);
  const reserve = () => inventory.call('reserve', { orderId: `bench-${randomUUID()}`, lines: threeOf(ids), ttlSeconds: 60 });
  for (let i = 0; i < 50; i++) await reserve(); // warm-up: connections, JIT
  const samples: number[] = [];
  let next = 0;
  const waits = sampleWaits();
  const cpu = cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: CALLERS }, async () => {
    while (next++ < CALLS) {
      const begun = performance.now();
      await reserve();
      samples.push(performance.now() - begun);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const used = cpu.stop(CALLS);
  const waited = await waits.stop();
  inventory.close();
  samples.sort((a, b) => a - b);
  const at = (q: number) => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(1);
  console.log(`${label.padEnd(40)} reserves=${CALLS} callers=${CALLERS} ${(CALLS / seconds).toFixed(0)}/s p50=${at(0.5)}ms p99=${at(0.99)}ms`);
  console.log(`${''.padEnd(40)} inventory's connections, share of samples: ${waited}`);
  console.log(`${''.padEnd(40)} CPU ms per reserve: ${used}`);
}

/** Where inventory's PostgreSQL connections are while the bench runs (pg_stat_activity every
 * 20 ms): active (running, or waiting on a lock or WAL), idle in transaction (waiting for the app's next statement),
 * or idle in the pool. Cheap enough not to move the figures. */
function sampleWaits(): { stop: () => Promise<string> } {
  const client = new pg.Client({ connectionString: localSecret('postgres-url') });
  const counts = new Map<string, number>();
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ what: string; n: number }>(
        `SELECT state || coalesce(' ' || wait_event_type || ':' || wait_event, '') AS what, count(*)::int AS n
         FROM pg_stat_activity WHERE application_name = 'inventory' AND datname LIKE 'pos_inventory%' GROUP BY 1`);
      for (const { what, n } of rows) counts.set(what, (counts.get(what) ?? 0) + n);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      return [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${what} ${Math.round((100 * n) / total)}%`).join(', ');
    },
  };
}

const ids = await makeProducts();
await measure('Reserve (3 lines) through both sidecars', service('order').sidecarGrpc, true, ids);
await measure('Reserve (3 lines) direct to the app', service('inventory').appPort, false, ids);

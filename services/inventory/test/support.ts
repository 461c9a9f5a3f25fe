// Small factories for the inventory tests: products arrive as product events (the way the
// product service will send them), stock arrives by adjustments over HTTP, and Reserve and
// friends are called the way the order service will: through its own sidecar to inventory's.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { createPool, ERROR_CODE_KEY, ERROR_DETAILS_KEY, loadService } from '@pos/platform';
import { eventually, localSecret, request } from '@pos/platform/testing';
import { publishAsOwner } from '../../../tests/support/events.ts';
import { appApiToken, daprApiToken } from '../../../tests/support/sidecar-tokens.ts';
import { probe, service } from '../../../tests/support/stack.ts';
import type { GetStockReply, InventoryDefinition, Shortage, StockLevel } from '../src/grpc/contract.ts';

export const INVENTORY_API = service('inventory').url;
export const pool = createPool(localSecret('inventory-db-url'), { test: true });

const Inventory = loadService<InventoryDefinition>('pos/inventory/v1/inventory.proto', 'pos.inventory.v1.Inventory');
type Method = 'reserve' | 'commit' | 'release' | 'getStock' | 'listStock' | 'recordSale';

/** A gRPC failure as the caller sees it: status, namespaced code, and the details trailer. */
export interface CallFailure {
  status: grpc.status;
  code: string;
  shortages?: Shortage[];
}

export type Outcome<Reply> = { ok: true; reply: Reply } | { ok: false; failure: CallFailure };

/** Calls inventory as `caller` does (order by default; probe-a is the tests' own): through the
 * caller's own sidecar (dapr-app-id, with its DAPR_API_TOKEN); with `direct`, straight to the app
 * as its sidecar would (APP_API_TOKEN). */
export function inventoryClient(caller = 'order', direct = false) {
  const port = direct ? service('inventory').appPort : (caller === 'probe-a' ? probe(caller) : service(caller)).sidecarGrpc;
  const client = new Inventory.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as
    Record<Method, (request: object, metadata: grpc.Metadata, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, reply: unknown) => void) => void>
    & { close(): void };
  const metadata = new grpc.Metadata();
  if (direct) metadata.set('dapr-api-token', appApiToken('inventory'));
  else {
    metadata.set('dapr-app-id', 'inventory');
    metadata.set('dapr-api-token', daprApiToken(caller));
  }
  return {
    call<Reply>(method: Method, body: object): Promise<Outcome<Reply>> {
      return new Promise((resolve) => {
        client[method](body, metadata, { deadline: Date.now() + 20_000 }, (error, reply) => {
          if (!error) { resolve({ ok: true, reply: reply as Reply }); return; }
          const details = error.metadata?.get(ERROR_DETAILS_KEY)[0];
          const shortages = details instanceof Buffer ? (JSON.parse(details.toString()) as { shortages?: Shortage[] }).shortages : undefined;
          resolve({ ok: false, failure: { status: error.code, code: String(error.metadata?.get(ERROR_CODE_KEY)[0] ?? ''), ...(shortages && { shortages }) } });
        });
      });
    },
    close: () => client.close(),
  };
}

/** The reply of a call that must succeed. */
export async function ok<Reply>(outcome: Promise<Outcome<Reply>>): Promise<Reply> {
  const result = await outcome;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.failure)}`);
  return result.reply;
}

/** The failure of a call that must fail. */
export async function failed(outcome: Promise<Outcome<unknown>>): Promise<CallFailure> {
  const result = await outcome;
  if (result.ok) throw new Error(`call succeeded: ${JSON.stringify(result.reply)}`);
  return result.failure;
}

/** Publishes a product event through the product app's sidecar, as the product service does. */
export async function publishProductEvent(product: { id: string; version?: number; name?: string; sku?: string; active?: boolean }, eventId: string = randomUUID(), type = 'pos.product.created.v1'): Promise<string> {
  return publishAsOwner('pos.products', {
    id: eventId, type, partitionKey: product.id,
    data: { product: { sku: `SKU-${product.id.slice(0, 8)}`, name: 'Test product', baseUnit: 'pcs', active: true, version: 1, extra: 'ignored', ...product } },
  });
}

/** A product's stock, read by the tests' own caller (probe-a: no app has a use for GetStock). */
export async function stockOf(productId: string): Promise<StockLevel | undefined> {
  const client = inventoryClient('probe-a');
  try {
    return (await ok(client.call<GetStockReply>('getStock', { productIds: [productId] }))).items[0];
  } finally {
    client.close();
  }
}

/** A product inventory has learnt, with `onHand` units received. */
export async function newProduct(onHand = 0): Promise<string> {
  const id = `p-${randomUUID()}`;
  await publishProductEvent({ id });
  await eventually(async () => assert.ok(await stockOf(id), 'not learnt yet'), { timeoutMs: 30_000 });
  if (onHand > 0) await receive(id, onHand);
  return id;
}

/** Units received, through the adjustments API. */
export async function receive(productId: string, quantity: number): Promise<void> {
  const reply = await request('POST', `${INVENTORY_API}/stock/${productId}/adjustments`, { token: await adminToken(), body: { kind: 'received', quantity, reason: 'delivery' } });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
}

let admin: Promise<string> | undefined;
/** The first admin's access token, from the user service. */
export function adminToken(): Promise<string> {
  admin ??= request<{ accessToken: string }>('POST', `${service('user').url}/auth/login`,
    { body: { email: localSecret('admin-email'), password: localSecret('admin-password') } }).then((reply) => reply.body.accessToken);
  return admin;
}

/** Every product's ledger explains its stock: the deltas add up to it, each line starts where
 * the one before ended, and the version counts the lines. Returns the products that do not reconcile. */
export async function unreconciledProducts(): Promise<unknown[]> {
  const { rows } = await pool.query(`
    WITH lines AS (
      SELECT product_id, on_hand_before, on_hand_after, reserved_before, reserved_after, version,
        lag(on_hand_after, 1, 0) OVER w AS prev_on_hand, lag(reserved_after, 1, 0) OVER w AS prev_reserved,
        lag(version, 1, 0::bigint) OVER w AS prev_version
      FROM stock_ledger WINDOW w AS (PARTITION BY product_id ORDER BY seq))
    SELECT s.product_id, s.on_hand, s.reserved, s.version, l.on_hand_sum, l.reserved_sum, l.lines, l.breaks
    FROM stock_items s LEFT JOIN (
      SELECT product_id, count(*) AS lines, sum(on_hand_after - on_hand_before) AS on_hand_sum, sum(reserved_after - reserved_before) AS reserved_sum,
        count(*) FILTER (WHERE on_hand_before <> prev_on_hand OR reserved_before <> prev_reserved OR version <= prev_version) AS breaks
      FROM lines GROUP BY product_id) l USING (product_id)
    WHERE s.on_hand <> coalesce(l.on_hand_sum, 0) OR s.reserved <> coalesce(l.reserved_sum, 0) OR coalesce(l.breaks, 0) > 0
      OR s.version <> coalesce(l.lines, 0)`);
  return rows;
}

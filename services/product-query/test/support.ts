// Small factories for product-query's tests. Products come two ways: through the real
// catalogue and inventory APIs (the end-to-end path), or as hand-made events published through
// their owners' sidecars, to replay duplicates and out-of-order deliveries on purpose. Every test
// makes its own data with fresh ids and words, since the test index outlives a run.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually, localSecret, request } from '@pos/platform/testing';
import { publishAsOwner } from '../../../tests/support/events.ts';
import { service } from '../../../tests/support/stack.ts';
import type { ProductFacts } from '../src/domain/search-document.ts';

export const QUERY_API = service('product-query').url;
const PRODUCT_API = service('product').url;
const INVENTORY_API = service('inventory').url;

let admin: Promise<string> | undefined;
/** The first admin's access token. */
export function adminToken(): Promise<string> {
  admin ??= request<{ accessToken: string }>('POST', `${service('user').url}/auth/login`,
    { body: { email: localSecret('admin-email'), password: localSecret('admin-password') } }).then((reply) => reply.body.accessToken);
  return admin;
}

let cashier: Promise<string> | undefined;
/** A fresh cashier's access token: the till's role, the least one. */
export function cashierToken(): Promise<string> {
  cashier ??= (async () => {
    const email = `cashier-${randomUUID()}@shop.test`;
    const password = `pw-${randomUUID()}`;
    const made = await request('POST', `${service('user').url}/users`, { token: await adminToken(), body: { name: 'Till', email, role: 'cashier', password } });
    assert.equal(made.status, 201);
    const login = await request<{ accessToken: string }>('POST', `${service('user').url}/auth/login`, { body: { email, password } });
    return login.body.accessToken;
  })();
  return cashier;
}

/** A query as the till sends it. */
export const search = async <T = Record<string, unknown>>(path: string, token?: string) =>
  request<T>('GET', `${QUERY_API}${path}`, { token: token ?? await cashierToken() });

/** A lowercase made-up word no other test or run uses: "zq" and ten letters a to p. */
export const freshWord = () => `zq${[...randomUUID().replace(/-/g, '').slice(0, 10)].map((hex) => String.fromCharCode(97 + parseInt(hex, 16))).join('')}`;

/** A valid EAN-13 nobody else uses. */
export function uniqueBarcode(): string {
  const body = `899${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A product made through the catalogue's HTTP API, as a manager would; `fields` override the defaults. */
export async function createCatalogueProduct(name: string, price: number, fields: Record<string, unknown> = {}): Promise<{ id: string; sku: string }> {
  const token = await adminToken();
  const categoryId = `pq-${randomUUID().slice(0, 8)}`;
  assert.equal((await request('POST', `${PRODUCT_API}/categories`, { token, body: { id: categoryId, name: 'Search tests' } })).status, 201);
  const reply = await request<{ id: string; sku: string }>('POST', `${PRODUCT_API}/products`, {
    token,
    body: { sku: `PQ-${randomUUID().slice(0, 8)}`, name, categoryId, baseUnit: 'pcs', taxClass: 'standard', units: [{ name: 'pcs', barcode: uniqueBarcode(), conversion: 1, price }], ...fields },
  });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return reply.body;
}

/** Units received through inventory's adjustments API, once inventory has learnt the product
 * from the catalogue's event. */
export async function receive(productId: string, quantity: number): Promise<void> {
  await eventually(async () => {
    const reply = await request('POST', `${INVENTORY_API}/stock/${productId}/adjustments`, { token: await adminToken(), body: { kind: 'received', quantity, reason: 'delivery' } });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
  }, { timeoutMs: 30_000 });
}

/** Publishes one CloudEvent through the topic owner's sidecar, keyed like the real publishers do. */
export const publish = (topic: string, type: string, partitionKey: string, data: unknown, id: string = randomUUID()): Promise<string> =>
  publishAsOwner(topic, { id, type, partitionKey, data });

/** A product as the catalogue's events carry it. */
export const productFacts = (changes: Partial<ProductFacts> = {}): ProductFacts => ({
  id: `pq-${randomUUID()}`, sku: `PQ-${randomUUID().slice(0, 8)}`, name: `Kopi ${freshWord()}`, description: '', categoryId: 'pq-tests',
  baseUnit: 'pcs', taxClass: 'standard', weighed: false, units: [{ name: 'pcs', barcode: uniqueBarcode(), conversion: 1, price: 5000 }], active: true, version: 1,
  ...changes,
});

/** A product event, keyed by the product id unless another key is given. */
export const publishProduct = (product: ProductFacts, options: { id?: string; key?: string; type?: string } = {}) =>
  publish('pos.products', options.type ?? 'pos.product.updated.v1', options.key ?? product.id, { product }, options.id);

export const publishStock = (stock: { productId: string; onHand: number; available: number; version: number }, options: { id?: string; key?: string } = {}) =>
  publish('pos.stock', 'pos.stock.changed.v1', options.key ?? stock.productId, { ...stock, reserved: stock.onHand - stock.available }, options.id);

export interface View { id: string; sku: string; name: string; price: number; active: boolean; available: number; onHand: number; productVersion: number; stockVersion: number }
export interface Page { items: View[]; total: number }

export const errorOf = (body: unknown) => (body as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;

// Factories for the order tests, against the running stack: products are made through the
// product app's HTTP API, stock through inventory's adjustments, users through the user app;
// orders through our own API, the way a till does it.
import assert from 'node:assert/strict';
import { createPrivateKey, randomUUID } from 'node:crypto';
import { createPool, type TillClaim } from '@pos/platform';
import { eventually, localSecret, request, type Reply } from '@pos/platform/testing';
import { decodeJwt, SignJWT } from 'jose';
import { publishAsOwner } from '../../../tests/support/events.ts';
import { service } from '../../../tests/support/stack.ts';

export const ORDER_API = service('order').url;
const PRODUCT_API = service('product').url;
const INVENTORY_API = service('inventory').url;
const USER_API = service('user').url;

/** The order service's own test database, to look under the service. */
export const pool = createPool(localSecret('order-db-url'), { test: true });

async function login(email: string, password: string): Promise<string> {
  const reply = await request<{ accessToken: string }>('POST', `${USER_API}/auth/login`, { body: { email, password } });
  assert.equal(reply.status, 200, `login of ${email}`);
  return reply.body.accessToken;
}

export type Role = 'admin' | 'manager' | 'cashier';
/** A fresh account with this role and its access token; `name` tells two of a role apart. */
const accounts = new Map<string, Promise<string>>();
export function tokenOf(role: Role, name = 'default'): Promise<string> {
  const key = `${role}/${name}`;
  let token = accounts.get(key);
  if (!token) {
    token = (async () => {
      const admin = await login(localSecret('admin-email'), localSecret('admin-password'));
      if (role === 'admin') return admin;
      const email = `${role}-${randomUUID()}@order.test`;
      const password = `pw-${randomUUID()}`;
      const made = await request('POST', `${USER_API}/users`, { token: admin, body: { name: `${role} ${name}`, email, role, password } });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      return login(email, password);
    })();
    accounts.set(key, token);
  }
  return token;
}

let category: Promise<string> | undefined;
function testCategory(): Promise<string> {
  category ??= (async () => {
    const id = `order-tests-${randomUUID().slice(0, 8)}`;
    const made = await request('POST', `${PRODUCT_API}/categories`, { token: await tokenOf('manager'), body: { id, name: 'Order tests' } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return id;
  })();
  return category;
}

/** EAN-13 with its check digit. */
function ean13(body12: string): string {
  const sum = [...body12].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}
export const uniqueBarcode = () => ean13(`899${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`);

export interface TestProduct {
  id: string;
  name: string;
  barcode: string;
  price: number;
}

/** A product in the catalogue (sold by the piece, and by the carton of 12 at 10× the piece), with `onHand` pieces in stock. */
export async function newProduct(options: { price?: number; taxClass?: 'standard' | 'luxury' | 'exempt'; onHand?: number } = {}): Promise<TestProduct> {
  const price = options.price ?? 10_000;
  const barcode = uniqueBarcode();
  const manager = await tokenOf('manager');
  const made = await request<{ id: string; name: string }>('POST', `${PRODUCT_API}/products`, {
    token: manager,
    body: {
      sku: `ORD-${randomUUID().slice(0, 8)}`, name: `Kopi ${randomUUID().slice(0, 4)}`, categoryId: await testCategory(), baseUnit: 'pcs',
      taxClass: options.taxClass ?? 'standard',
      units: [{ name: 'pcs', barcode, conversion: 1, price }, { name: 'dus', conversion: 12, price: price * 10 }],
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const product = { id: made.body.id, name: made.body.name, barcode, price };
  // Inventory learns the product from its event.
  await eventually(async () => assert.ok(await stockOf(product.id), 'inventory has not learnt the product yet'), { timeoutMs: 30_000 });
  if (options.onHand) await receive(product.id, options.onHand);
  return product;
}

/** Rice sold by weight (stock in grams, priced per kg), with `onHand` grams in stock; its PLU for scale labels. */
export async function newWeighedProduct(options: { pricePerKg?: number; onHand?: number } = {}): Promise<{ id: string; plu: string }> {
  const plu = String(Math.floor(Math.random() * 100_000)).padStart(5, '0');
  const made = await request<{ id: string }>('POST', `${PRODUCT_API}/products`, {
    token: await tokenOf('manager'),
    body: {
      sku: `ORD-${randomUUID().slice(0, 8)}`, name: `Beras ${randomUUID().slice(0, 4)}`, categoryId: await testCategory(), baseUnit: 'g',
      taxClass: 'exempt', weighed: true, plu, units: [{ name: 'kg', conversion: 1000, price: options.pricePerKg ?? 14_000 }],
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  await eventually(async () => assert.ok(await stockOf(made.body.id), 'inventory has not learnt the product yet'), { timeoutMs: 30_000 });
  if (options.onHand) await receive(made.body.id, options.onHand);
  return { id: made.body.id, plu };
}

/** A scale's label for `grams` of the product with this PLU (prefix 21: the weight, the stack's default). */
export const weightLabel = (plu: string, grams: number) => ean13(`21${plu}${String(grams).padStart(5, '0')}`);

export async function receive(productId: string, quantity: number): Promise<void> {
  const reply = await request('POST', `${INVENTORY_API}/stock/${productId}/adjustments`, { token: await tokenOf('manager'), body: { kind: 'received', quantity, reason: 'delivery' } });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
}

export interface Stock { onHand: number; reserved: number; available: number }
export async function stockOf(productId: string): Promise<Stock | undefined> {
  const reply = await request<Stock>('GET', `${INVENTORY_API}/stock/${productId}`, { token: await tokenOf('manager') });
  return reply.status === 200 ? reply.body : undefined;
}

export interface LedgerLine { change: string; orderId?: string; returnId?: string; reason: string; onHandBefore: number; onHandAfter: number }
/** The product's stock ledger at inventory, oldest first. */
export async function ledgerOf(productId: string): Promise<LedgerLine[]> {
  const reply = await request<{ items: LedgerLine[] }>('GET', `${INVENTORY_API}/stock/${productId}/ledger?limit=200`, { token: await tokenOf('manager') });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body.items;
}

export async function deactivate(productId: string): Promise<void> {
  const reply = await request('POST', `${PRODUCT_API}/products/${productId}/deactivate`, { token: await tokenOf('manager') });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
}

export type OrderBody = Record<string, unknown> & { id: string; status: string; total: number; due: number; receiptNumber: string; tenders: Record<string, unknown>[] };

export const call = <T = OrderBody>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply<T>> =>
  request<T>(method, `${ORDER_API}${path}`, options);

/** A fresh till, so receipt numbers of one test are its own. */
export const newTill = () => ({ outletId: 'JKT1', tillId: `T-${randomUUID().slice(0, 8)}` });

export async function checkout(lines: unknown[], options: { token?: string; till?: { outletId: string; tillId: string }; orderId?: string; headers?: Record<string, string> } = {}) {
  return call('POST', '/orders', {
    token: options.token ?? await tokenOf('cashier'), headers: options.headers,
    body: { ...(options.till ?? newTill()), lines, ...(options.orderId && { orderId: options.orderId }) },
  });
}

export const errorOf = (body: unknown) => (body as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;
/** The fields a 400 names. */
export const fieldsOf = (body: unknown): string[] => ((errorOf(body).details ?? []) as unknown as { field: string }[]).map((problem) => problem.field);

/** Waits until the order's reservation step is done (its saga has run). */
export async function sagaDone(orderId: string, action: 'inventory.commit' | 'inventory.release' | 'inventory.record-sale'): Promise<void> {
  await eventually(async () => {
    const { rows } = await pool.query<{ status: string }>('SELECT status FROM saga_steps WHERE order_id = $1 AND action = $2', [orderId, action]);
    assert.equal(rows[0]?.status, 'done', `${action} of ${orderId}: ${rows[0]?.status ?? 'no step'}`);
  }, { timeoutMs: 30_000 });
}

/** A till as the user service registers one: its id, code and outlet. */
export const newRegisteredTill = (): TillClaim => ({ id: randomUUID(), code: `T${randomUUID().slice(0, 6).toUpperCase()}`, outletId: 'JKT1' });

/** An access token as the user service issues it at a registered till: the claims of a login
 * with this role, plus the till claim, signed with the user service's key. */
export async function tillToken(role: Role, till: TillClaim, name = 'default'): Promise<string> {
  const claims = decodeJwt(await tokenOf(role, name));
  return new SignJWT({ ...claims, till }).setProtectedHeader({ alg: 'RS256', kid: localSecret('jwt-key-id'), typ: 'JWT' })
    .sign(createPrivateKey(localSecret('jwt-signing-key')));
}

/** Publishes pos.till.revoked.v1 on pos.tills through the user app's sidecar, as its outbox does. */
export async function publishTillRevoked(till: TillClaim, revokedAt = new Date()): Promise<void> {
  await publishAsOwner('pos.tills', { type: 'pos.till.revoked.v1', partitionKey: till.id, data: { till, revokedAt: revokedAt.toISOString() } });
}

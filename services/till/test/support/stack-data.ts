// What the browser tests need on the real stack: accounts (a manager registers the till, a
// cashier sells), products in the catalogue the till reads, stock, and a look at the orders
// the sales made, all through the apps' own HTTP APIs (and order's database to count rows).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createPool } from '@pos/platform';
import { eventually, localSecret, request } from '@pos/platform/testing';
import { service } from '../../../../tests/support/stack.ts';

export const TILL_URL = service('till').url;
const USER = service('user').url;
const PRODUCT = service('product').url;
const INVENTORY = service('inventory').url;
const PRODUCT_QUERY = service('product-query').url;
const ORDER = service('order').url;

/** order's own test database, to count what the till's sales made. */
export const orderDb = createPool(localSecret('order-db-url'), { test: true });

export async function login(email: string, password: string): Promise<string> {
  const reply = await request<{ accessToken: string }>('POST', `${USER}/auth/login`, { body: { email, password } });
  assert.equal(reply.status, 200, `login of ${email}: ${JSON.stringify(reply.body)}`);
  return reply.body.accessToken;
}
export const adminToken = () => login(localSecret('admin-email'), localSecret('admin-password'));

export interface Account { email: string; password: string; name: string }

/** A fresh account with this role (its password known to the test, as a person knows theirs). */
export async function newAccount(role: 'manager' | 'cashier'): Promise<Account> {
  const account = { email: `${role}-${randomUUID().slice(0, 8)}@till.test`, password: `pw-${randomUUID()}`, name: `${role === 'manager' ? 'Manajer' : 'Kasir'} ${randomUUID().slice(0, 4)}` };
  const made = await request('POST', `${USER}/users`, { token: await adminToken(), body: { ...account, role } });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  return account;
}

/** EAN-13 with its check digit. */
function ean13(body12: string): string {
  const sum = [...body12].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

export interface TestProduct { id: string; name: string; barcode: string; price: number }

let category: Promise<string> | undefined;
/** The category the tests' products are in (made once per run). */
export const testCategory = () => {
  category ??= (async () => {
    const id = `till-web-${randomUUID().slice(0, 8)}`;
    const made = await request('POST', `${PRODUCT}/categories`, { token: await adminToken(), body: { id, name: 'Till web tests' } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return id;
  })();
  return category;
};

/** A product sold by the piece (with a barcode) and by the carton of 12, in stock, and known
 * to the catalogue feed the till reads. `name` should hold a word the test searches for. */
export async function newProduct(name: string, price: number, onHand = 100): Promise<TestProduct> {
  const token = await adminToken();
  const barcode = ean13(`899${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`);
  const made = await request<{ id: string }>('POST', `${PRODUCT}/products`, {
    token, body: {
      sku: `TW-${randomUUID().slice(0, 8)}`, name, categoryId: await testCategory(), baseUnit: 'pcs', taxClass: 'standard',
      units: [{ name: 'pcs', barcode, conversion: 1, price }, { name: 'dus', conversion: 12, price: price * 11 }],
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const id = made.body.id;
  await eventually(async () => {
    const received = await request('POST', `${INVENTORY}/stock/${id}/adjustments`, { token, body: { kind: 'received', quantity: onHand, reason: 'delivery' } });
    assert.equal(received.status, 201, 'inventory has not learnt the product yet');
  }, { timeoutMs: 30_000 });
  await eventually(async () => assert.ok(await inCatalogueFeed(token, id), 'not in the catalogue feed yet'), { timeoutMs: 30_000 });
  return { id, name, barcode, price };
}

async function inCatalogueFeed(token: string, id: string): Promise<boolean> {
  let after: string | undefined;
  for (;;) {
    const page = await request<{ products: { id: string }[]; next: string; more: boolean }>(
      'GET', `${PRODUCT_QUERY}/catalogue/changes?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`, { token });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    if (page.body.products.some((product) => product.id === id)) return true;
    if (!page.body.more) return false;
    after = page.body.next;
  }
}

export interface OrderRow { id: string; status: string; total: number; till_receipt: string | null }
/** The orders a till's sales made, oldest first: online ones under its code (the till sends it
 * at checkout), those made offline under its id (the token's till claim). */
export async function ordersOfTill(till: { tillId: string; code: string }): Promise<OrderRow[]> {
  const { rows } = await orderDb.query<OrderRow>(
    'SELECT id, status, total::int AS total, till_receipt FROM orders WHERE till_id = ANY($1) ORDER BY created_at', [[till.tillId, till.code]]);
  return rows;
}

/** An order as the order app shows it to a manager. */
export async function orderOf(id: string): Promise<Record<string, unknown>> {
  const reply = await request('GET', `${ORDER}/orders/${id}`, { token: await adminToken() });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

/** A product's stock as inventory tells a manager. */
export async function stockOf(productId: string): Promise<{ onHand: number; reserved: number }> {
  const reply = await request<{ onHand: number; reserved: number }>('GET', `${INVENTORY}/stock/${productId}`, { token: await adminToken() });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

/** A manager sets their own approval PIN (PUT /me/pin), as they would in the back office. */
export async function setPin(manager: Account, pin: string): Promise<void> {
  const set = await request('PUT', `${USER}/me/pin`, { token: await login(manager.email, manager.password), body: { pin } });
  assert.equal(set.status, 204, JSON.stringify(set.body));
}

/** Cash taken on an order that a manager then cancels (a cancel voiding cash taken is theirs): a
 * refund due of `tendered` (order's books). */
export async function refundDue(cashier: Account, manager: Account, product: TestProduct, tendered: number): Promise<{ orderId: string; receiptNumber: string }> {
  const token = await login(cashier.email, cashier.password);
  const made = await request<{ id: string; receiptNumber: string; total: number }>('POST', `${ORDER}/orders`, {
    token, body: { orderId: randomUUID(), outletId: 'JKT1', tillId: `T-${randomUUID().slice(0, 6)}`, lines: [{ productId: product.id, unit: 'pcs', quantity: 2 }] },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.ok(tendered < made.body.total, 'part of the total, so the order stays open');
  const paid = await request('POST', `${ORDER}/orders/${made.body.id}/payments`, { token, body: { method: 'cash', tendered }, headers: { 'idempotency-key': randomUUID() } });
  assert.equal(paid.status, 201, JSON.stringify(paid.body));
  const cancelled = await request('POST', `${ORDER}/orders/${made.body.id}/cancel`, { token: await login(manager.email, manager.password) });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  return { orderId: made.body.id, receiptNumber: made.body.receiptNumber };
}

/** The refunds of an order as order keeps them. */
export async function refundsOf(orderId: string): Promise<{ amount: number; status: string; method: string }[]> {
  const { rows } = await orderDb.query<{ amount: number; status: string; method: string }>(
    'SELECT amount::int AS amount, status, method FROM refunds WHERE order_id = $1 ORDER BY created_at', [orderId]);
  return rows;
}

/** A product listed as low: its reorder level above its stock. */
export async function setReorderLevel(productId: string, level: number): Promise<void> {
  const reply = await request('PUT', `${INVENTORY}/stock/${productId}/reorder-level`, { token: await adminToken(), body: { level } });
  assert.equal(reply.status, 204, JSON.stringify(reply.body));
}

// RecordSale as the order service calls it for a sale a till made offline (through order's
// sidecar): the stock comes off after the fact, once per order id, even below zero; the back
// office finds the oversold products at GET /stock/negative.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { eventually, findOnTopic, request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import type { CommitReply, RecordSaleReply, ReserveReply } from '../src/grpc/contract.ts';
import { INVENTORY_API, adminToken, failed, inventoryClient, newProduct, ok, pool, publishProductEvent, stockOf, unreconciledProducts } from './support.ts';

const orderId = () => randomUUID();
const soldAt = '2026-03-02T03:00:00.000Z';

/** A new account with the role, logged in at the user service. */
async function tokenOf(role: 'cashier' | 'manager'): Promise<string> {
  const users = service('user').url;
  const email = `${role}-${randomUUID()}@shop.test`;
  const password = `pw-${randomUUID()}`;
  const created = await request('POST', `${users}/users`, { token: await adminToken(), body: { name: 'Staff', email, role, password } });
  assert.equal(created.status, 201);
  return (await request<{ accessToken: string }>('POST', `${users}/auth/login`, { body: { email, password } })).body.accessToken;
}

interface ListedStock { productId: string; onHand: number; reserved: number; available: number }

describe('sales recorded after the fact (RecordSale)', function () {
  this.timeout(120_000);
  const inventory = inventoryClient();
  after(() => inventory.close());
  afterEach(async () => assert.deepEqual(await unreconciledProducts(), [], 'the ledger must explain every stock'));

  const recordSale = (order: string, lines: { productId: string; quantity: number }[], receiptNumber = 'T01-000042') =>
    inventory.call<RecordSaleReply>('recordSale', { orderId: order, lines, receiptNumber, soldAt });
  const ledgerOf = async (productId: string) => (await pool.query(
    'SELECT change, order_id AS "orderId", actor, reason, on_hand_before AS "before", on_hand_after AS "after" FROM stock_ledger WHERE product_id = $1 ORDER BY seq',
    [productId])).rows;

  it('takes the units off on hand with a ledger line naming the receipt, and publishes the new stock', async () => {
    const [tea, rice] = [await newProduct(10), await newProduct(5)];
    const order = orderId();
    const reply = await ok(recordSale(order, [{ productId: tea, quantity: 2 }, { productId: rice, quantity: 1 }, { productId: tea, quantity: 1 }]));
    const merged = [{ productId: tea, quantity: 3 }, { productId: rice, quantity: 1 }].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    assert.deepEqual(reply, { orderId: order, lines: merged, oversoldProductIds: [] });
    assert.deepEqual(await stockOf(tea), { productId: tea, onHand: 7, reserved: 0, available: 7, version: '2' });
    assert.deepEqual((await ledgerOf(tea)).at(-1), {
      change: 'sale', orderId: order, actor: 'order', reason: 'sold while the till was offline: receipt T01-000042 at 2026-03-02T03:00:00.000Z', before: 10, after: 7,
    });
    const changed = await findOnTopic('pos.stock', (event) => (event.data as { productId?: string })?.productId === tea && (event.data as { version?: number }).version === 2);
    assert.deepEqual(changed.data, { productId: tea, onHand: 7, reserved: 0, available: 7, version: 2 });
  });

  it('retried, even concurrently, answers the first outcome and moves the stock once; the order id with other lines is refused', async () => {
    const tea = await newProduct(10);
    const order = orderId();
    const replies = await Promise.all([1, 2, 3, 4].map(() => ok(recordSale(order, [{ productId: tea, quantity: 4 }]))));
    for (const reply of replies) assert.deepEqual(reply, replies[0]);
    assert.equal((await stockOf(tea))?.onHand, 6);
    assert.equal((await ledgerOf(tea)).filter((line) => line.change === 'sale').length, 1);
    const other = await failed(recordSale(order, [{ productId: tea, quantity: 5 }]));
    assert.deepEqual([other.status, other.code], [grpc.status.ABORTED, 'INVENTORY.ORDER_ID_REUSED']);
    assert.equal((await stockOf(tea))?.onHand, 6);
  });

  it('may take stock below zero: the product is answered as oversold, again on a retry, and listed for the back office, the most oversold first', async () => {
    const [short, shorter, fine] = [await newProduct(1), await newProduct(0), await newProduct(10)];
    const order = orderId();
    const lines = [{ productId: short, quantity: 3 }, { productId: shorter, quantity: 4 }, { productId: fine, quantity: 1 }];
    const reply = await ok(recordSale(order, lines));
    assert.deepEqual(reply.oversoldProductIds.sort(), [short, shorter].sort());
    assert.deepEqual((await ok(recordSale(order, lines))).oversoldProductIds.sort(), [short, shorter].sort());
    assert.deepEqual(await stockOf(short), { productId: short, onHand: -2, reserved: 0, available: -2, version: '2' });
    const manager = await tokenOf('manager');
    const listed = await request<{ items: ListedStock[] }>('GET', `${INVENTORY_API}/stock/negative?limit=200`, { token: manager });
    assert.equal(listed.status, 200);
    const ours = listed.body.items.filter((item) => [short, shorter, fine].includes(item.productId));
    assert.deepEqual(ours.map(({ productId, onHand, available }) => [productId, onHand, available]), [[shorter, -4, -4], [short, -2, -2]]);
    const availables = listed.body.items.map((item) => item.available);
    assert.deepEqual(availables, [...availables].sort((a, b) => a - b));
    assert.ok(availables.every((value) => value < 0));
  });

  it('the oversold list is the back office\'s: a cashier is refused with 403, no token with 401', async () => {
    assert.equal((await request('GET', `${INVENTORY_API}/stock/negative`, { token: await tokenOf('cashier') })).status, 403);
    assert.equal((await request('GET', `${INVENTORY_API}/stock/negative`)).status, 401);
  });

  it('units held for an order stay held: the order still commits, taking on hand further below zero, and goods received make up for it', async () => {
    const tea = await newProduct(5);
    const held = orderId();
    await ok(inventory.call<ReserveReply>('reserve', { orderId: held, lines: [{ productId: tea, quantity: 3 }], ttlSeconds: 60 }));
    await ok(recordSale(orderId(), [{ productId: tea, quantity: 4 }]));
    assert.deepEqual(await stockOf(tea), { productId: tea, onHand: 1, reserved: 3, available: -2, version: '3' });
    const reserveMore = await failed(inventory.call('reserve', { orderId: orderId(), lines: [{ productId: tea, quantity: 1 }], ttlSeconds: 60 }));
    assert.equal(reserveMore.code, 'INVENTORY.SHORTAGE');
    await ok(inventory.call<CommitReply>('commit', { orderId: held }));
    assert.deepEqual(await stockOf(tea), { productId: tea, onHand: -2, reserved: 0, available: -2, version: '4' });
    const received = await request('POST', `${INVENTORY_API}/stock/${tea}/adjustments`, { token: await adminToken(), body: { kind: 'received', quantity: 3, reason: 'delivery' } });
    assert.equal(received.status, 201, JSON.stringify(received.body));
    assert.equal((await stockOf(tea))?.onHand, 1);
  });

  it('recorded sales and reservations naming the same products in opposite orders, racing, all succeed without a deadlock', async () => {
    const [a, b] = [await newProduct(100), await newProduct(100)];
    const ab = [{ productId: a, quantity: 1 }, { productId: b, quantity: 1 }];
    const ba = [...ab].reverse();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2
      ? recordSale(orderId(), i % 4 === 1 ? ab : ba)
      : inventory.call<ReserveReply>('reserve', { orderId: orderId(), lines: i % 4 === 0 ? ab : ba, ttlSeconds: 60 }))));
    assert.deepEqual(outcomes.filter((outcome) => !outcome.ok), []);
    assert.deepEqual(await stockOf(a), { productId: a, onHand: 80, reserved: 20, available: 60, version: '41' });
  });

  it('a product inventory has not learnt is refused as not found and nothing is recorded; once learnt, the same call records it', async () => {
    const unknown = `p-${randomUUID()}`;
    const order = orderId();
    const refused = await failed(recordSale(order, [{ productId: unknown, quantity: 1 }]));
    assert.deepEqual([refused.status, refused.code], [grpc.status.NOT_FOUND, 'INVENTORY.PRODUCT_UNKNOWN']);
    assert.equal((await pool.query('SELECT count(*)::int AS n FROM recorded_sales WHERE order_id = $1', [order])).rows[0].n, 0);
    await publishProductEvent({ id: unknown });
    await eventually(async () => assert.ok(await stockOf(unknown), 'not learnt yet'), { timeoutMs: 30_000 });
    assert.deepEqual((await ok(recordSale(order, [{ productId: unknown, quantity: 1 }]))).oversoldProductIds, [unknown]);
    assert.equal((await stockOf(unknown))?.onHand, -1);
  });
});

// Checkout against the real stack: the catalogue prices, inventory reserves, one transaction
// writes the order, its lines and order.created.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadService, sidecarClient } from '@pos/platform';
import { daprApiToken } from '../../../tests/support/sidecar-tokens.ts';
import { service } from '../../../tests/support/stack.ts';
import type { InventoryDefinition } from '../src/grpc/contract.ts';
import { call, checkout, deactivate, errorOf, newProduct, newTill, newWeighedProduct, pool, stockOf, tokenOf, weightLabel } from './support.ts';

const ordersWithId = async (id: string) => Number((await pool.query('SELECT count(*) FROM orders WHERE id = $1', [id])).rows[0].count);

describe('checkout', () => {
  it('lines by product, by carton and by barcode become a pending order whose total is the sum of its lines, with the stock reserved and order.created in the outbox', async () => {
    const tea = await newProduct({ price: 3_500, onHand: 50 });
    const perfume = await newProduct({ price: 1_120_000, taxClass: 'luxury', onHand: 5 });
    const reply = await checkout([
      { productId: tea.id, quantity: 2 }, { productId: tea.id, unit: 'dus', quantity: 1 }, { barcode: perfume.barcode, quantity: 1 },
    ]);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const order = reply.body;
    assert.equal(order.status, 'pending');
    const lines = order.lines as { amount: number; tax: number }[];
    assert.equal(order.total, 7_000 + 35_000 + 1_120_000);
    assert.equal(order.total, lines.reduce((sum, line) => sum + line.amount, 0));
    const taxes = order.taxes as { taxClass: string; base: number; tax: number }[];
    assert.equal(taxes.reduce((sum, t) => sum + t.base + t.tax, 0), order.total);
    assert.deepEqual(taxes.map((t) => [t.taxClass, t.tax]), [['standard', 4_162], ['luxury', 120_000]]); // 42000 × 11/111, 1120000 × 12/112
    assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 50, reserved: 14, available: 36 });
    assert.equal((await stockOf(perfume.id))?.reserved, 1);
    const events = await pool.query("SELECT type FROM outbox WHERE partition_key = $1", [order.id]);
    assert.deepEqual(events.rows.map((row) => row.type), ['pos.order.created.v1']);
  });

  it('a scale label of 1 250 g reserves 1 250 g of the weighed product, priced by the label', async () => {
    const rice = await newWeighedProduct({ pricePerKg: 14_000, onHand: 5_000 });
    const reply = await checkout([{ barcode: weightLabel(rice.plu, 1250) }]);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const [line] = reply.body.lines as { unit: string; quantity: number; baseQuantity: number; amount: number }[];
    assert.deepEqual([line?.unit, line?.quantity, line?.baseQuantity, line?.amount, reply.body.total], ['kg', 1250, 1250, 17_500, 17_500]);
    assert.deepEqual(await stockOf(rice.id), { ...(await stockOf(rice.id)), onHand: 5_000, reserved: 1_250, available: 3_750 });
  });

  it('receipt numbers count up per till without gaps, even when a checkout in between fails', async () => {
    const tea = await newProduct({ onHand: 10 });
    const till = newTill();
    const first = await checkout([{ productId: tea.id, quantity: 1 }], { till });
    const failed = await checkout([{ productId: tea.id, quantity: 100 }], { till });
    const second = await checkout([{ productId: tea.id, quantity: 1 }], { till });
    assert.equal(failed.status, 409);
    assert.deepEqual([first.body.receiptNumber, second.body.receiptNumber], [`JKT1-${till.tillId}-000001`, `JKT1-${till.tillId}-000002`]);
  });

  it('when the stock runs short the whole order is refused with 409 naming each short product, and nothing stays reserved', async () => {
    const enough = await newProduct({ onHand: 10 });
    const shortA = await newProduct({ onHand: 1 });
    const shortB = await newProduct();
    const orderId = randomUUID();
    const reply = await checkout([{ productId: enough.id, quantity: 2 }, { productId: shortA.id, quantity: 3 }, { productId: shortB.id, quantity: 1 }], { orderId });
    assert.equal(reply.status, 409);
    const error = errorOf(reply.body);
    assert.equal(error.code, 'ORDER.OUT_OF_STOCK');
    const shortages = (error.details?.shortages as { productId: string; name: string; short: number }[]).map((s) => [s.productId, s.name, s.short]).sort();
    assert.deepEqual(shortages, [[shortA.id, shortA.name, 2], [shortB.id, shortB.name, 1]].sort());
    assert.equal((await stockOf(enough.id))?.reserved, 0);
    assert.equal(await ordersWithId(orderId), 0);
  });

  it('an inactive product fails the order with 409 naming it, an unknown one with 422 naming it', async () => {
    const old = await newProduct({ onHand: 5 });
    await deactivate(old.id);
    const inactive = await checkout([{ productId: old.id, quantity: 1 }]);
    assert.equal(inactive.status, 409);
    assert.deepEqual([errorOf(inactive.body).code, errorOf(inactive.body).details], ['ORDER.PRODUCT_INACTIVE', { productIds: [old.id] }]);
    const unknown = await checkout([{ productId: 'no-such-product', quantity: 1 }]);
    assert.equal(unknown.status, 422);
    assert.deepEqual([errorOf(unknown.body).code, errorOf(unknown.body).details], ['ORDER.PRODUCT_UNKNOWN', { productIds: ['no-such-product'] }]);
    const barcode = await checkout([{ barcode: '8990000000009', quantity: 1 }]);
    assert.deepEqual([barcode.status, errorOf(barcode.body).code], [422, 'ORDER.BARCODE_UNKNOWN']);
    assert.equal((await stockOf(old.id))?.reserved, 0);
  });

  it('a till-supplied order id uploaded twice is one order, reserved once; the same id with other lines is a 422', async () => {
    const tea = await newProduct({ onHand: 10 });
    const till = newTill();
    const orderId = randomUUID();
    const first = await checkout([{ productId: tea.id, quantity: 2 }], { till, orderId });
    const again = await checkout([{ productId: tea.id, quantity: 2 }], { till, orderId });
    assert.deepEqual([first.status, again.status], [201, 200]);
    assert.deepEqual(again.body, first.body);
    assert.equal(await ordersWithId(orderId), 1);
    assert.equal((await stockOf(tea.id))?.reserved, 2);
    const other = await checkout([{ productId: tea.id, quantity: 3 }], { till, orderId });
    assert.deepEqual([other.status, errorOf(other.body).code], [422, 'ORDER.IDEMPOTENCY_MISMATCH']);
  });

  it('an order id whose reservation a failed checkout released is refused with 409 and makes no order', async () => {
    const tea = await newProduct({ onHand: 5 });
    const orderId = randomUUID();
    // What a checkout that failed after its Reserve leaves at inventory, made as order makes it: through order's sidecar.
    const inventory = sidecarClient(loadService<InventoryDefinition>('pos/inventory/v1/inventory.proto', 'pos.inventory.v1.Inventory'), 'inventory',
      { grpcPort: service('order').sidecarGrpc, apiToken: daprApiToken('order') });
    try {
      await inventory.call('Reserve', { orderId, lines: [{ productId: tea.id, quantity: 2 }], ttlSeconds: 600 });
      await inventory.call('Release', { orderId });
    } finally {
      inventory.close();
    }
    const reply = await checkout([{ productId: tea.id, quantity: 2 }], { orderId });
    assert.deepEqual([reply.status, errorOf(reply.body).code], [409, 'ORDER.ID_SPENT']);
    assert.equal(await ordersWithId(orderId), 0);
    assert.equal((await stockOf(tea.id))?.reserved, 0);
  });

  it('a retried checkout with the same Idempotency-Key returns the same order, even when the retries race; another body with that key is a 422', async () => {
    const tea = await newProduct({ onHand: 10 });
    const till = newTill();
    const headers = { 'idempotency-key': randomUUID() };
    const replies = await Promise.all(Array.from({ length: 4 }, () => checkout([{ productId: tea.id, quantity: 3 }], { till, headers })));
    const ids = new Set(replies.map((reply) => reply.body.id));
    assert.equal(ids.size, 1, JSON.stringify(replies.map((reply) => reply.body)));
    assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 200, 200, 201]);
    assert.equal((await stockOf(tea.id))?.reserved, 3);
    const other = await checkout([{ productId: tea.id, quantity: 1 }], { till, headers });
    assert.deepEqual([other.status, errorOf(other.body).code], [422, 'ORDER.IDEMPOTENCY_MISMATCH']);
  });

  it('refuses with a clear 4xx: no token 401, a malformed body 400, a report for a cashier 403, an unknown order 404, another cashier\'s order 403', async () => {
    assert.equal((await call('POST', '/orders', { body: { ...newTill(), lines: [] } })).status, 401);
    const malformed = await call('POST', '/orders', { token: await tokenOf('cashier'), body: { outletId: 'JKT1', lines: [{ productId: 'x', quantity: 0 }] } });
    assert.deepEqual([malformed.status, errorOf(malformed.body).code], [400, 'REQUEST.INVALID']);
    const both = await call('POST', '/orders', { token: await tokenOf('cashier'), body: { ...newTill(), cartId: 'c', lines: [{ productId: 'x', quantity: 1 }] } });
    assert.equal(both.status, 400);
    assert.equal((await call('GET', '/reports/daily', { token: await tokenOf('cashier') })).status, 403);
    assert.equal((await call('GET', `/orders/${randomUUID()}`, { token: await tokenOf('cashier') })).status, 404);
    const tea = await newProduct({ onHand: 1 });
    const mine = await checkout([{ productId: tea.id, quantity: 1 }]);
    const theirs = await call('GET', `/orders/${mine.body.id}`, { token: await tokenOf('cashier', 'other') });
    assert.deepEqual([theirs.status, errorOf(theirs.body).code], [403, 'ORDER.NOT_YOURS']);
    assert.equal((await call('GET', `/orders/${mine.body.id}`, { token: await tokenOf('manager') })).status, 200);
  });
});

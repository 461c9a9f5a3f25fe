// Inventory learns products from the product events on pos.products (through Kafka, the
// Subscription in components/ and its AppCallback gRPC service).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually } from '@pos/platform/testing';
import { INVENTORY_API, adminToken, pool, publishProductEvent, stockOf, unreconciledProducts } from './support.ts';
import { request } from '@pos/platform/testing';

describe('inventory learns products from the product events', function () {
  this.timeout(60_000);
  afterEach(async () => assert.deepEqual(await unreconciledProducts(), [], 'the ledger must explain every stock'));

  it('a product created elsewhere appears as a zero-stock item exactly once, even when its event is delivered twice', async () => {
    const id = `p-${randomUUID()}`;
    const eventId = await publishProductEvent({ id, name: 'Kopi Susu' });
    await publishProductEvent({ id, name: 'Kopi Susu' }, eventId);
    // A later event of the same product (same partition) is handled after both deliveries.
    await publishProductEvent({ id, name: 'Kopi Susu Gula Aren', version: 2 }, randomUUID(), 'pos.product.updated.v1');
    await eventually(async () => {
      const reply = await request<{ name: string }>('GET', `${INVENTORY_API}/stock/${id}`, { token: await adminToken() });
      assert.equal(reply.body.name, 'Kopi Susu Gula Aren');
    }, { timeoutMs: 30_000 });
    assert.deepEqual(await stockOf(id), { productId: id, onHand: 0, reserved: 0, available: 0, version: '0' });
    const { rows } = await pool.query(
      `SELECT (SELECT count(*)::int FROM stock_items WHERE product_id = $1) AS items,
              (SELECT count(*)::int FROM outbox WHERE partition_key = $1 AND type = 'pos.stock.changed.v1') AS announced,
              (SELECT count(*)::int FROM inbox WHERE event_id = $2) AS handled`, [id, eventId]);
    assert.deepEqual(rows[0], { items: 1, announced: 1, handled: 1 });
  });

  it('an older product event delivered after a newer one does not undo it', async () => {
    const id = `p-${randomUUID()}`;
    await publishProductEvent({ id, name: 'New name', version: 3 });
    await publishProductEvent({ id, name: 'Old name', version: 2 }, randomUUID(), 'pos.product.updated.v1');
    await publishProductEvent({ id, name: 'New name', version: 4, active: false }, randomUUID(), 'pos.product.deactivated.v1');
    await eventually(async () => {
      const reply = await request<{ active: boolean }>('GET', `${INVENTORY_API}/stock/${id}`, { token: await adminToken() });
      assert.equal(reply.body.active, false);
    }, { timeoutMs: 30_000 });
    const reply = await request<{ name: string }>('GET', `${INVENTORY_API}/stock/${id}`, { token: await adminToken() });
    assert.equal(reply.body.name, 'New name');
  });
});

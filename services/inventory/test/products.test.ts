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
    const stock = async () => (await request<{ name: string; active: boolean }>('GET', `${INVENTORY_API}/stock/${id}`, { token: await adminToken() })).body;
    await publishProductEvent({ id, name: 'New name', version: 3, active: false }, randomUUID(), 'pos.product.deactivated.v1');
    await eventually(async () => assert.equal((await stock()).name, 'New name'), { timeoutMs: 30_000 });
    // The stale event differs in every field inventory keeps, so applying it would show.
    const stale = await publishProductEvent({ id, name: 'Old name', sku: 'SKU-OLD', version: 2, active: true }, randomUUID(), 'pos.product.updated.v1');
    // Awaited until inventory has handled it (its inbox holds the id), then the state is read.
    await eventually(async () => {
      const { rowCount } = await pool.query('SELECT 1 FROM inbox WHERE event_id = $1', [stale]);
      assert.equal(rowCount, 1, 'the stale event is not handled yet');
    }, { timeoutMs: 30_000 });
    const { rows } = await pool.query('SELECT sku, name, active, product_version::int AS version FROM stock_items WHERE product_id = $1', [id]);
    assert.deepEqual(rows, [{ sku: `SKU-${id.slice(0, 8)}`, name: 'New name', active: false, version: 3 }]);
    const shown = await stock();
    assert.deepEqual([shown.name, shown.active], ['New name', false]);
  });
});

// Unpaid orders past their time: cancelled and released by exactly one worker, however many run.
import assert from 'node:assert/strict';
import { eventually } from '@pos/platform/testing';
import { expireDueOrders } from '../src/use-cases/cancel.ts';
import { checkout, newProduct, pool, sagaDone, stockOf } from './support.ts';

describe('order expiry', () => {
  it('with two workers racing (and the app\'s own), each overdue order is expired once: one order.cancelled, one release, its stock free again', async () => {
    const tea = await newProduct({ onHand: 30 });
    const orders = await Promise.all(Array.from({ length: 8 }, async () => (await checkout([{ productId: tea.id, quantity: 2 }])).body.id));
    assert.equal((await stockOf(tea.id))?.reserved, 16);
    // The clock, moved for these orders only: they are due now.
    await pool.query("UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = ANY($1)", [orders]);

    const [first, second] = await Promise.all([expireDueOrders(pool, 3), expireDueOrders(pool, 3)]);
    const takenByTests = [...first, ...second].filter((id) => orders.includes(id));
    assert.equal(new Set(takenByTests).size, takenByTests.length, 'no order was taken by both workers');

    await eventually(async () => {
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM orders WHERE id = ANY($1) AND status = 'expired'", [orders]);
      assert.equal(rows[0].n, orders.length);
    });
    const events = await pool.query("SELECT partition_key, data->>'reason' AS reason FROM outbox WHERE type = 'pos.order.cancelled.v1' AND partition_key = ANY($1)", [orders]);
    assert.deepEqual(events.rows.map((row) => row.partition_key).sort(), [...orders].sort());
    assert.ok(events.rows.every((row) => row.reason === 'expired'));
    for (const id of orders) await sagaDone(id, 'inventory.release');
    assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 30, reserved: 0, available: 30 });
  });
});

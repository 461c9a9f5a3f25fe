// Faults an operator causes with one command, on the real stack: Kafka stopped, the Midtrans
// simulator stopped, order's PostgreSQL connections cut. During each, clear answers (a sale
// goes on, or a 503); after each, nothing lost or doubled. Every server is started again in
// an `after`, whatever the assertions found, for the test files that run next.
import assert from 'node:assert/strict';
import { createPool, type Pool } from '@pos/platform';
import { eventually, localSecret, messagesOnTopic, request } from '@pos/platform/testing';
import { listenerPid, service } from '../../../tests/support/stack.ts';
import { startApps, startInfra, stopDaemon, stopServer } from '../../../tests/support/servers.ts';
import { ORDERS_TOPIC } from '../src/events/order-events.ts';
import { afterDeliveries, atSimulator, getOrder, notificationsOf, pay, postNotification, serverKey, SIMULATOR } from './midtrans-support.ts';
import { call, checkout, newProduct, pool, sagaDone, stockOf, type TestProduct } from './support.ts';

/** A cash sale of `quantity` pieces: checkout, then paid in full. */
async function cashSale(product: TestProduct, quantity: number): Promise<string> {
  const order = await checkout([{ productId: product.id, quantity }]);
  assert.equal(order.status, 201, JSON.stringify(order.body));
  const paid = await pay(order.body.id, { method: 'cash', tendered: order.body.total });
  assert.equal(paid.status, 201, JSON.stringify(paid.body));
  assert.equal(paid.body.order.status, 'paid');
  return order.body.id;
}

/** Each order's outbox events, as `type` counts: exactly what was written, published or not. */
async function outboxOf(orderIds: string[]): Promise<{ orderId: string; type: string; published: boolean }[]> {
  const { rows } = await pool.query<{ order_id: string; type: string; published: boolean }>(
    'SELECT partition_key AS order_id, type, published_at IS NOT NULL AS published FROM outbox WHERE partition_key = ANY($1) ORDER BY partition_key, seq', [orderIds]);
  return rows.map((row) => ({ orderId: row.order_id, type: row.type, published: row.published }));
}
const createdAndPaid = (orderIds: string[], published: boolean) => [...orderIds].sort().flatMap((orderId) => [
  { orderId, type: 'pos.order.created.v1', published }, { orderId, type: 'pos.order.paid.v1', published }]);

/** Every message about these orders on the orders topic, as `<order id> <type>`: a message
 * sent twice is listed twice. */
async function messagesAbout(orderIds: string[]): Promise<string[]> {
  const wanted = new Set(orderIds);
  return (await messagesOnTopic(ORDERS_TOPIC)).flatMap((value) => {
    const event = value as { type: string; data?: { orderId?: string } };
    const orderId = event.data?.orderId;
    return orderId && wanted.has(orderId) ? [`${orderId} ${event.type}`] : [];
  }).sort();
}

describe('order under operator faults', function () {
  this.timeout(180_000);

  describe('Kafka stopped while sales go on', () => {
    after(function () {
      this.timeout(150_000);
      startInfra(); // a no-op when the test started it again itself
    });

    it('cash sales succeed with Kafka down, and once it is back each sale\'s order.created and order.paid reach the topic once and stock is exact', async () => {
      const tea = await newProduct({ onHand: 10 }); // needs Kafka: inventory learns products from it
      stopServer('kafka');
      const orderIds = [await cashSale(tea, 1), await cashSale(tea, 2), await cashSale(tea, 3)];
      // The events wait in the outbox, written with each sale.
      assert.deepEqual(await outboxOf(orderIds), createdAndPaid(orderIds, false));
      await eventually(async () => assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 4, reserved: 0, available: 4 }));

      startInfra();
      // The relay marks an event published once Kafka has acknowledged it: then the topic holds it.
      await eventually(async () => assert.deepEqual(await outboxOf(orderIds), createdAndPaid(orderIds, true)), { timeoutMs: 90_000 });
      assert.deepEqual(await messagesAbout(orderIds), createdAndPaid(orderIds, true).map(({ orderId, type }) => `${orderId} ${type}`).sort());
      for (const orderId of orderIds) await sagaDone(orderId, 'inventory.commit');
      assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 4, reserved: 0, available: 4 });
    });
  });

  describe('the Midtrans simulator stopped while a notification is confirmed', () => {
    after(function () {
      this.timeout(150_000);
      startApps(); // starts the simulator when it is not running; the apps are left as they are
    });

    it('a signed settlement notification gets 503 and changes nothing while Midtrans is unreachable; the same notification pays the order once it is back', async () => {
      const tea = await newProduct({ onHand: 5 });
      const order = (await checkout([{ productId: tea.id, quantity: 2 }])).body;
      const qris = await pay(order.id, { method: 'qris' });
      assert.equal(qris.status, 201, JSON.stringify(qris.body));
      const chargeId = qris.body.payment.id;
      await afterDeliveries(chargeId); // the charge's pending notification is answered before the customer pays
      await atSimulator(chargeId, 'settle', { notify: false }); // the customer paid; the notification is still to come
      const settlement = (await notificationsOf(chargeId)).find((notification) => notification.transaction_status === 'settlement');
      assert.ok(settlement, 'the simulator made a settlement notification');

      stopDaemon('midtrans-simulator');
      const refused = await postNotification(settlement);
      assert.deepEqual([refused.status, refused.body.error?.code], [503, 'DEPENDENCY.UNAVAILABLE']);
      const unchanged = await getOrder(order.id);
      assert.deepEqual([unchanged.status, unchanged.tenders.map((tender) => tender.status)], ['pending', ['pending']]);
      assert.equal((await outboxOf([order.id])).filter((event) => event.type === 'pos.order.paid.v1').length, 0);

      startApps();
      // The simulator keeps its transactions in memory, and Midtrans keeps them through our
      // outage: give the restarted simulator the charge back, settled, as Midtrans has it.
      const charged = await request('POST', `${SIMULATOR}/v2/charge`, {
        headers: { authorization: `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}` },
        body: { payment_type: 'qris', transaction_details: { order_id: chargeId, gross_amount: order.total } },
      });
      assert.equal(charged.status, 200, JSON.stringify(charged.body));
      await atSimulator(chargeId, 'settle', { notify: false });

      const taken = await postNotification(settlement);
      assert.deepEqual([taken.status, taken.body.status], [200, 'applied']);
      assert.equal((await getOrder(order.id)).status, 'paid');
      await sagaDone(order.id, 'inventory.commit');
      assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 3, reserved: 0, available: 3 });
      assert.deepEqual((await outboxOf([order.id])).map((event) => event.type), ['pos.order.created.v1', 'pos.order.paid.v1']);
    });
  });

  describe('PostgreSQL connections of order cut under its workers', () => {
    const database = new URL(localSecret('order-db-url')).pathname.slice(1);
    let admin: Pool; // the superuser, on the maintenance database, so it is not cut off itself
    before(() => { admin = createPool(localSecret('postgres-url')); });
    after(() => admin.end());

    it('the app keeps running and is ready again; a sale paid after it gets its Commit done, an order past its time is expired, and nothing is doubled', async () => {
      const tea = await newProduct({ onHand: 10 });
      const before = await cashSale(tea, 1); // leaves the app's connections open, the relay's among them
      const pid = listenerPid(service('order').http);
      assert.ok(pid, 'the order app listens');

      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'order'", [database]);
      assert.ok(rows.length > 0, 'the app had connections to cut');
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [rows.map((row) => row.pid)]);
      await eventually(async () => assert.equal((await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [rows.map((row) => row.pid)])).rowCount, 0));

      await eventually(async () => assert.equal((await call('GET', '/readyz')).status, 200));
      const after = await cashSale(tea, 2);
      await sagaDone(after, 'inventory.commit');
      // The expiry worker carries on: an unpaid order whose time is up is expired and its stock released.
      const unpaid = (await checkout([{ productId: tea.id, quantity: 3 }])).body;
      await pool.query("UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = $1", [unpaid.id]);
      await sagaDone(unpaid.id, 'inventory.release');
      assert.equal((await getOrder(unpaid.id)).status, 'expired');

      assert.equal(listenerPid(service('order').http), pid, 'the same process still serves');
      assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 7, reserved: 0, available: 7 });
      // The relay carries on too: each event once, published.
      await eventually(async () => assert.deepEqual(await outboxOf([before, after]), createdAndPaid([before, after], true)));
      const { rows: steps } = await pool.query('SELECT order_id, action, status FROM saga_steps WHERE order_id = ANY($1) ORDER BY order_id, action', [[before, after]]);
      assert.deepEqual(steps.map((step) => step.status), ['done', 'done']);
    });
  });
});

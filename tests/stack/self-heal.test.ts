// The local run heals itself: during cash sales, kill -9 of an HTTP app (order), a gRPC app
// (inventory), a sidecar (order's) and a server (PostgreSQL's postmaster, Kafka): each is
// started again by its supervisor without a command, sales resume within 15 s, the others go
// on, and afterwards the stock is what the orders say, to the unit.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually } from '@pos/platform/testing';
import { call, checkout, errorOf, newProduct, newTill, pool as orderDb, stockOf, tokenOf } from '../../services/order/test/support.ts';
import { serverPid, startApps, startInfra, supervisedPid } from '../support/servers.ts';

const RESUME_WITHIN_MS = 15_000;

describe('the local run heals itself', function () {
  this.timeout(300_000);
  after(function () {
    this.timeout(180_000);
    startInfra(); // no-ops when everything runs
    startApps();
  });

  it('kill -9 of an HTTP app, a gRPC app, a sidecar, PostgreSQL and Kafka during cash sales: sales resume within 15 s without a command, and stock matches the orders', async () => {
    const coffee = await newProduct({ onHand: 1_000 });
    const cashier = await tokenOf('cashier');
    /** When each sale that went through ended. */
    const sales: number[] = [];
    let selling = true;
    const sellOne = async () => {
      const order = await checkout([{ productId: coffee.id, quantity: 1 }], { token: cashier });
      if (order.status !== 201) return;
      const paid = await call('POST', `/orders/${order.body.id}/payments`, { token: cashier, body: { method: 'cash', tendered: 50_000 } });
      if (paid.status === 201) sales.push(Date.now());
    };
    const seller = (async () => {
      while (selling) {
        await sellOne().catch(() => undefined); // a refused connection while order restarts
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    try {
      await eventually(async () => assert.ok(sales.length >= 3, 'sales before any kill'));
      const programs = [
        ...['order', 'inventory', 'order-sidecar'].map((program) => ({ program, pidOf: () => supervisedPid(program) })),
        ...['postgres', 'kafka'].map((program) => ({ program, pidOf: () => serverPid(program) })),
      ];
      for (const { program, pidOf } of programs) {
        const killed = await pidOf();
        assert.ok(killed, `${program} runs`);
        process.kill(killed, 'SIGKILL');
        const killedAt = Date.now();
        await eventually(async () => {
          assert.ok(sales.some((at) => at > killedAt), `no sale since ${program} was killed`);
        }, { timeoutMs: RESUME_WITHIN_MS, everyMs: 100 });
        // Sales need no Kafka (events wait in the outbox): its restart is awaited on its own.
        await eventually(async () => {
          const restarted = await pidOf();
          assert.ok(restarted && restarted !== killed, `${program} was started again (pid ${killed} → ${restarted})`);
        }, { timeoutMs: 60_000 });
      }
    } finally {
      selling = false;
      await seller;
    }

    // Every paid unit left the shelf once; units of orders left unpaid stay reserved, and no
    // others: a checkout that died between Reserve and its order (order or PostgreSQL killed
    // mid-checkout) gets its units released by order's intents worker within a minute.
    const quantities = async (status: string) => Number((await orderDb.query(
      'SELECT coalesce(sum(l.base_quantity), 0) AS units FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = $1 AND o.status = $2',
      [coffee.id, status],
    )).rows[0].units);
    const paidUnits = await quantities('paid');
    assert.ok(paidUnits >= sales.length, `${paidUnits} paid units for ${sales.length} sales seen`);
    await eventually(async () => {
      const stock = await stockOf(coffee.id);
      assert.equal(stock?.onHand, 1_000 - paidUnits);
      assert.equal(stock?.reserved, await quantities('pending'));
    }, { timeoutMs: 90_000 });
  });
  it('kill -9 of order between inventory\'s Reserve and the order\'s commit: within a minute the units are released (reserved equals the pending orders\' units), and a retry of that checkout is refused', async () => {
    const tea = await newProduct({ onHand: 100 });
    const cashier = await tokenOf('cashier');
    const till = newTill();
    const orderId = randomUUID();
    // After Reserve, the checkout's transaction numbers the receipt on its till's counter row:
    // a transaction of ours holding that row stops the checkout right there, between the two.
    await orderDb.query('INSERT INTO receipt_counters (outlet_id, till_id, last_seq) VALUES ($1, $2, 0)', [till.outletId, till.tillId]);
    const holder = await orderDb.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM receipt_counters WHERE outlet_id = $1 AND till_id = $2 FOR UPDATE', [till.outletId, till.tillId]);
      const cutShort = checkout([{ productId: tea.id, quantity: 3 }], { token: cashier, till, orderId }).catch(() => undefined);
      await eventually(async () => assert.equal((await stockOf(tea.id))?.reserved, 3, 'Reserve has held the units'));
      const killed = await supervisedPid('order');
      assert.ok(killed, 'order runs');
      process.kill(killed, 'SIGKILL');
      await cutShort;
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    // Caught between the two: units held, no order, and the checkout's intent left behind.
    const ordersOf = async () => (await orderDb.query('SELECT 1 FROM orders WHERE id = $1', [orderId])).rowCount;
    assert.equal(await ordersOf(), 0);
    assert.equal((await orderDb.query('SELECT 1 FROM checkout_intents WHERE order_id = $1', [orderId])).rowCount, 1);
    assert.equal((await stockOf(tea.id))?.reserved, 3);

    // The restarted order app's intents worker releases them: no order holds any of the units.
    await eventually(async () => {
      const stock = await stockOf(tea.id);
      assert.deepEqual([stock?.onHand, stock?.reserved], [100, 0]);
    }, { timeoutMs: 60_000, everyMs: 500 });
    assert.equal((await orderDb.query('SELECT 1 FROM checkout_intents WHERE order_id = $1', [orderId])).rowCount, 0);

    const retry = await checkout([{ productId: tea.id, quantity: 3 }], { token: cashier, till, orderId });
    assert.deepEqual([retry.status, errorOf(retry.body).code], [409, 'ORDER.ID_SPENT']);
    assert.equal(await ordersOf(), 0);
    assert.equal((await stockOf(tea.id))?.reserved, 0);
  });
  it('a checkout held between Reserve and its commit for longer than the intents worker waits is left alone: once it goes on, its order owns the units', async () => {
    const tea = await newProduct({ onHand: 100 });
    const till = newTill();
    const orderId = randomUUID();
    await orderDb.query('INSERT INTO receipt_counters (outlet_id, till_id, last_seq) VALUES ($1, $2, 0)', [till.outletId, till.tillId]);
    const holder = await orderDb.connect();
    let placed: ReturnType<typeof checkout> | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM receipt_counters WHERE outlet_id = $1 AND till_id = $2 FOR UPDATE', [till.outletId, till.tillId]);
      placed = checkout([{ productId: tea.id, quantity: 3 }], { token: await tokenOf('cashier'), till, orderId });
      await eventually(async () => assert.equal((await stockOf(tea.id))?.reserved, 3, 'Reserve has held the units'));
      // Past INTENT_STALE_SECONDS and a pass of the worker after it (10 s and 2 s in dapr.yaml),
      // within the order app's statement timeout (30 s), which would end the checkout's wait.
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      assert.equal((await orderDb.query('SELECT 1 FROM checkout_intents WHERE order_id = $1', [orderId])).rowCount, 1, 'the worker left the intent');
      assert.equal((await stockOf(tea.id))?.reserved, 3);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    const order = await placed;
    assert.deepEqual([order?.status, order?.body.id, order?.body.status], [201, orderId, 'pending']);
    assert.equal((await stockOf(tea.id))?.reserved, 3);
    assert.equal((await orderDb.query('SELECT 1 FROM checkout_intents WHERE order_id = $1', [orderId])).rowCount, 0);
  });
});

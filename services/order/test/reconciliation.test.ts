// Reconciliation on the real stack: Midtrans (the simulator) changes a charge without sending
// its notification, and the reconciler asks Midtrans' status API and applies the answer. The
// app's own reconciler runs too (every second locally, dapr.yaml); the tests call the same pass
// beside it, so each asserts what happened, not which reconciler did it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { withTransaction } from '@pos/platform';
import { eventually, request } from '@pos/platform/testing';
import { endOrder } from '../src/use-cases/end-order.ts';
import { reconcilePendingTenders, type ReconcileDeps } from '../src/use-cases/reconcile.ts';
import { findOrder } from '../src/store/order.store.ts';
import { afterDeliveries, atSimulator, eventTypes, getOrder, midtrans, pay, resend, serverKey, SIMULATOR } from './midtrans-support.ts';
import { service } from '../../../tests/support/stack.ts';
import { call, checkout, newProduct, pool, sagaDone, stockOf, tokenOf } from './support.ts';

const deps: ReconcileDeps = { pool, midtrans: { gateway: midtrans, serverKey }, kickSaga: () => {} }; // the app's saga runs on its timer
const reconcile = () => reconcilePendingTenders(deps, 60);

/** The clock, moved for these tenders only: their next check is due now. */
const dueNow = (tenderIds: string[]) => pool.query('UPDATE tenders SET next_check_at = now() WHERE id = ANY($1)', [tenderIds]);

/** How often Midtrans' status API has answered about the charge. */
async function statusQueries(chargeId: string): Promise<number> {
  const reply = await request<{ status_queries: number }>('GET', `${SIMULATOR}/_simulator/transactions/${chargeId}`);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body.status_queries;
}

/** An order of `quantity` units of a fresh product (`onHand` in stock) waiting for a QRIS charge
 * whose notifications so far (the pending one) order has answered. */
async function pendingQrisSale(onHand: number, quantity: number) {
  const product = await newProduct({ price: 10_000, onHand });
  const order = (await checkout([{ productId: product.id, quantity }])).body;
  const charged = await pay(order.id, { method: 'qris' });
  assert.equal(charged.status, 201, JSON.stringify(charged.body));
  await afterDeliveries(charged.body.payment.id);
  return { productId: product.id, orderId: order.id, chargeId: charged.body.payment.id, total: order.total };
}

/** The Commit lines inventory's ledger holds for the order on the product: inventory's side of "one Commit". */
async function commitsAtInventory(productId: string, orderId: string): Promise<number> {
  const reply = await request<{ items: { change: string; orderId?: string }[] }>('GET', `${service('inventory').url}/stock/${productId}/ledger?limit=100`, { token: await tokenOf('manager') });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body.items.filter((line) => line.orderId === orderId && line.change === 'commit').length;
}

const tenderRow = async (id: string) =>
  (await pool.query<{ status: string; refund_due: boolean; checks: number }>('SELECT status, refund_due, checks FROM tenders WHERE id = $1', [id])).rows[0];

describe('reconciliation of pending Midtrans payments', function () {
  this.timeout(60_000);

  it('a QRIS payment settled at Midtrans whose notification never came is found by the app\'s reconciler: the order is paid once and its stock committed exactly', async () => {
    const sale = await pendingQrisSale(10, 3);
    await atSimulator(sale.chargeId, 'settle', { notify: false });
    assert.equal((await getOrder(sale.orderId)).status, 'pending'); // order has heard nothing
    await dueNow([sale.chargeId]);

    await eventually(async () => assert.equal((await getOrder(sale.orderId)).status, 'paid'), { timeoutMs: 45_000 });
    const order = await getOrder(sale.orderId);
    assert.deepEqual(order.tenders.map((t) => [t.status, t.refundDue]), [['paid', false]]);
    await sagaDone(sale.orderId, 'inventory.commit');
    assert.deepEqual(await stockOf(sale.productId), { ...(await stockOf(sale.productId)), onHand: 7, reserved: 0, available: 7 });
    assert.deepEqual(await eventTypes(sale.orderId), ['pos.order.created.v1', 'pos.order.paid.v1']);
  });

  it('a QRIS charge that expired at Midtrans without a notification: the tender and, as nothing else pays, the order are cancelled and the stock released', async () => {
    const sale = await pendingQrisSale(5, 2);
    await atSimulator(sale.chargeId, 'expire', { notify: false });
    await dueNow([sale.chargeId]);
    await reconcile();

    await eventually(async () => assert.equal((await getOrder(sale.orderId)).status, 'cancelled'));
    assert.deepEqual((await getOrder(sale.orderId)).tenders.map((t) => t.status), ['cancelled']);
    await sagaDone(sale.orderId, 'inventory.release');
    assert.deepEqual(await stockOf(sale.productId), { ...(await stockOf(sale.productId)), onHand: 5, reserved: 0, available: 5 });
    assert.deepEqual(await eventTypes(sale.orderId), ['pos.order.created.v1', 'pos.order.cancelled.v1']);
  });

  it('pending tenders whose charge Midtrans never made: one past a QRIS charge\'s 15 minutes is cancelled and stops holding the amount due; one of 2 minutes is asked about and left pending', async () => {
    const product = await newProduct({ price: 10_000, onHand: 2 });
    const order = (await checkout([{ productId: product.id, quantity: 2 }])).body;
    // As if the app had stopped between saving each tender and charging it.
    const [old, young] = [randomUUID(), randomUUID()];
    await pool.query(
      `INSERT INTO tenders (id, order_id, kind, amount, status, created_at) VALUES
         ($1, $3, 'qris', $4, 'pending', now() - interval '16 minutes'), ($2, $3, 'qris', $4, 'pending', now() - interval '2 minutes')`,
      [old, young, order.id, order.total / 2]);
    await reconcile();

    await eventually(async () => {
      assert.equal((await tenderRow(old))?.status, 'cancelled');
      assert.deepEqual(await tenderRow(young), { status: 'pending', refund_due: false, checks: 1 });
    });
    const after = await getOrder(order.id);
    assert.deepEqual([after.status, after.due], ['pending', order.total / 2]);
    await call('POST', `/orders/${order.id}/cancel`, { token: await tokenOf('cashier') }); // leaves the stock as it found it
  });

  it('a tender of an order already cancelled, settled at Midtrans without a notification while the cancel step waits to retry, is recorded paid and flagged for refund, and the daily report lists it', async () => {
    const sale = await pendingQrisSale(3, 1);
    // Cancelled, and its tender's cancel at Midtrans waiting for a retry (as after Midtrans was unreachable).
    await withTransaction(pool, async (tx) => {
      const order = await findOrder(tx, sale.orderId, true);
      assert.ok(order);
      await endOrder(tx, order, 'cancelled');
      await tx.query("UPDATE saga_steps SET next_at = now() + interval '1 hour', attempts = 1, last_error = 'Midtrans unreachable' WHERE tender_id = $1", [sale.chargeId]);
    });
    await atSimulator(sale.chargeId, 'settle', { notify: false });
    await dueNow([sale.chargeId]);
    await reconcile();

    await eventually(async () => assert.deepEqual(await tenderRow(sale.chargeId), { status: 'paid', refund_due: true, checks: 1 }));
    assert.equal((await getOrder(sale.orderId)).status, 'cancelled');
    const report = await call<{ refundsDue: { refundId: string; orderId: string; tenderId: string; method: string; amount: number; status: string }[] }>(
      'GET', '/reports/daily', { token: await tokenOf('manager') });
    assert.deepEqual(report.body.refundsDue.filter((r) => r.orderId === sale.orderId).map(({ refundId, ...due }) => (assert.ok(refundId), due)),
      [{ orderId: sale.orderId, tenderId: sale.chargeId, method: 'qris', amount: sale.total, status: 'due' }]);

    // The cancel step, run at last, finds the charge settled (412): nothing changes twice.
    await pool.query('UPDATE saga_steps SET next_at = now() WHERE tender_id = $1', [sale.chargeId]);
    await eventually(async () => {
      const { rows } = await pool.query('SELECT status FROM saga_steps WHERE tender_id = $1', [sale.chargeId]);
      assert.equal(rows[0]?.status, 'done');
    });
    assert.deepEqual(await tenderRow(sale.chargeId), { status: 'paid', refund_due: true, checks: 1 });
    assert.deepEqual(await eventTypes(sale.orderId), ['pos.order.created.v1', 'pos.order.cancelled.v1', 'pos.refund.due.v1']);
  });

  it('the settlement notification and the reconciler applying the same payment at once: the order is paid once (one order.paid, one Commit) and its stock committed exactly', async () => {
    const sale = await pendingQrisSale(4, 1);
    await atSimulator(sale.chargeId, 'settle', { notify: false });
    await dueNow([sale.chargeId]);
    const [delivered] = await Promise.all([resend(sale.chargeId, 1), reconcile(), reconcile()]);
    assert.deepEqual(delivered, [200]);

    await eventually(async () => assert.equal((await getOrder(sale.orderId)).status, 'paid'));
    await sagaDone(sale.orderId, 'inventory.commit');
    assert.deepEqual(await eventTypes(sale.orderId), ['pos.order.created.v1', 'pos.order.paid.v1']);
    const steps = await pool.query('SELECT action FROM saga_steps WHERE order_id = $1', [sale.orderId]);
    assert.deepEqual(steps.rows, [{ action: 'inventory.commit' }]);
    assert.equal(await commitsAtInventory(sale.productId, sale.orderId), 1);
    assert.deepEqual(await stockOf(sale.productId), { ...(await stockOf(sale.productId)), onHand: 3, reserved: 0, available: 3 });
  });

  it('two reconcilers racing (and the app\'s own) ask Midtrans about each due pending charge once, and leave it pending until its next check', async () => {
    const sales = await Promise.all(Array.from({ length: 4 }, () => pendingQrisSale(1, 1)));
    const before = await Promise.all(sales.map((sale) => statusQueries(sale.chargeId)));
    await dueNow(sales.map((sale) => sale.chargeId));
    await Promise.all([reconcile(), reconcile()]);

    await eventually(async () => {
      for (const sale of sales) assert.equal((await tenderRow(sale.chargeId))?.checks, 1);
    });
    await reconcile(); // nothing is due again yet
    const after = await Promise.all(sales.map(async (sale) => eventually(async () => {
      const queries = await statusQueries(sale.chargeId);
      assert.ok(queries > (before[sales.indexOf(sale)] ?? 0), `${sale.chargeId} was asked about`);
      return queries;
    })));
    assert.deepEqual(after, before.map((queries) => queries + 1));
    for (const sale of sales) assert.deepEqual(await tenderRow(sale.chargeId), { status: 'pending', refund_due: false, checks: 1 });
  });
});

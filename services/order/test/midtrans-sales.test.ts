// Sales paid through Midtrans, on the real stack: order → midtrans-client → the simulator →
// notifications back to order's webhook → the stock saga.
import assert from 'node:assert/strict';
import { eventually } from '@pos/platform/testing';
import { afterDeliveries, atSimulator, eventTypes, getOrder, midtrans, pay } from './midtrans-support.ts';
import { call, checkout, errorOf, newProduct, pool, sagaDone, stockOf, tokenOf } from './support.ts';

type Receipt = { payments: { method: string; amount: number; transactionId: string | null }[] };
const receiptOf = async (orderId: string) => (await call<Receipt>('GET', `/orders/${orderId}/receipt`, { token: await tokenOf('cashier') })).body;

describe('Midtrans sales', () => {
  it('a QRIS sale: the till gets the QR code, its expiry and the tender id; settled at the simulator the order is paid, its stock committed and the receipt shows Midtrans\' transaction id', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 5 });
    const order = (await checkout([{ productId: coffee.id, quantity: 2 }])).body;
    const charged = await pay(order.id, { method: 'qris' });
    assert.equal(charged.status, 201, JSON.stringify(charged.body));
    const { payment, charge } = charged.body;
    assert.deepEqual([payment.kind, payment.status, payment.amount, charged.body.order.status, charged.body.order.due], ['qris', 'pending', 20_000, 'pending', 0]);
    assert.ok(charge?.kind === 'qris' && charge.qrString.length > 0 && charge.qrUrl && charge.expiresAt, JSON.stringify(charge));
    assert.equal((await midtrans.status(payment.id)).transactionStatus, 'pending'); // the tender's id is Midtrans' order_id

    const settled = await atSimulator(payment.id, 'settle');
    assert.deepEqual(settled.deliveries.map((d) => d.status), [200]);
    assert.equal((await getOrder(order.id)).status, 'paid');
    await sagaDone(order.id, 'inventory.commit');
    assert.equal((await stockOf(coffee.id))?.onHand, 3);
    assert.deepEqual((await receiptOf(order.id)).payments, [{ ...(await receiptOf(order.id)).payments[0], method: 'qris', amount: 20_000, transactionId: settled.transaction.transaction_id }]);
    assert.deepEqual(await eventTypes(order.id), ['pos.order.created.v1', 'pos.order.paid.v1']);
  });

  it('a Snap sale: the till gets a token and a payment link; paid at the simulator the order is paid', async () => {
    const coffee = await newProduct({ price: 15_000, onHand: 2 });
    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const created = await pay(order.id, { method: 'snap' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.ok(created.body.charge?.kind === 'snap' && created.body.charge.token && created.body.charge.redirectUrl.startsWith('http'), JSON.stringify(created.body.charge));
    const settled = await atSimulator(created.body.payment.id, 'settle');
    assert.deepEqual(settled.deliveries.map((d) => d.status), [200]);
    const paid = await getOrder(order.id);
    assert.deepEqual([paid.status, paid.tenders.map((t) => [t.kind, t.status, t.externalId])], ['paid', [['snap', 'paid', settled.transaction.transaction_id]]]);
  });

  it('cash plus QRIS on one sale: the cash pays part, the QRIS defaults to the rest, and the order is paid when it is settled', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 5 });
    const order = (await checkout([{ productId: coffee.id, quantity: 3 }])).body;
    const cash = await pay(order.id, { method: 'cash', tendered: 10_000 });
    assert.deepEqual([cash.body.order.status, cash.body.order.due], ['pending', 20_000]);
    const qris = await pay(order.id, { method: 'qris' });
    assert.deepEqual([qris.status, qris.body.payment.amount, qris.body.order.due], [201, 20_000, 0]);
    await atSimulator(qris.body.payment.id, 'settle');
    assert.equal((await getOrder(order.id)).status, 'paid');
    assert.deepEqual((await receiptOf(order.id)).payments.map((p) => [p.method, p.amount]).sort(), [['cash', 10_000], ['qris', 20_000]]);
  });

  for (const action of ['deny', 'expire'] as const) {
    it(`a QRIS that was the whole payment and is ${action === 'deny' ? 'denied' : 'expired'}: the order is cancelled and its stock released`, async () => {
      const coffee = await newProduct({ onHand: 4 });
      const order = (await checkout([{ productId: coffee.id, quantity: 3 }])).body;
      const qris = (await pay(order.id, { method: 'qris' })).body.payment;
      await atSimulator(qris.id, action);
      const ended = await getOrder(order.id);
      assert.deepEqual([ended.status, ended.tenders.map((t) => t.status)], ['cancelled', ['cancelled']]);
      await sagaDone(order.id, 'inventory.release');
      assert.deepEqual(await stockOf(coffee.id), { ...(await stockOf(coffee.id)), onHand: 4, reserved: 0, available: 4 });
    });
  }

  it('a denied QRIS beside paid cash leaves the order pending with the QRIS amount due again', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 4 });
    const order = (await checkout([{ productId: coffee.id, quantity: 2 }])).body;
    await pay(order.id, { method: 'cash', tendered: 5_000 });
    const qris = (await pay(order.id, { method: 'qris' })).body.payment;
    await atSimulator(qris.id, 'deny');
    const after = await getOrder(order.id);
    assert.deepEqual([after.status, after.due], ['pending', 15_000]);
  });

  it('cancelling a partly paid order (cash plus a pending QRIS) cancels the QRIS at Midtrans and releases the stock', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 6 });
    const order = (await checkout([{ productId: coffee.id, quantity: 3 }])).body;
    await pay(order.id, { method: 'cash', tendered: 10_000 });
    const qris = (await pay(order.id, { method: 'qris' })).body.payment;
    // Cash was taken: the cancel voids it, a manager's to do (a cashier's needs approval: approvals.test.ts).
    const cancelled = await call('POST', `/orders/${order.id}/cancel`, { token: await tokenOf('manager') });
    assert.equal(cancelled.body.status, 'cancelled');
    await eventually(async () => assert.equal((await midtrans.status(qris.id)).transactionStatus, 'cancel'), { timeoutMs: 30_000 });
    await sagaDone(order.id, 'inventory.release');
    assert.deepEqual(await stockOf(coffee.id), { ...(await stockOf(coffee.id)), onHand: 6, reserved: 0, available: 6 });
    await eventually(async () => assert.deepEqual((await getOrder(order.id)).tenders.map((t) => [t.kind, t.status]), [['cash', 'paid'], ['qris', 'cancelled']]));
  });

  it('a QRIS paid at Midtrans whose notification never came, on an order cancelled meanwhile: the cancel finds it settled and records the money for refund', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 2 });
    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const qris = (await pay(order.id, { method: 'qris' })).body.payment;
    await afterDeliveries(qris.id);
    await atSimulator(qris.id, 'settle', { notify: false });
    await call('POST', `/orders/${order.id}/cancel`, { token: await tokenOf('cashier') });
    await eventually(async () => {
      const { rows } = await pool.query<{ status: string }>("SELECT status FROM saga_steps WHERE tender_id = $1 AND action = 'tender.cancel'", [qris.id]);
      assert.equal(rows[0]?.status, 'done');
    }, { timeoutMs: 30_000 });
    const after = await getOrder(order.id);
    assert.deepEqual([after.status, after.tenders.map((t) => [t.status, t.refundDue])], ['cancelled', [['paid', true]]]);
  });

  it('a tender for more than is due is refused with 422 and charges nothing', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 2 });
    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const over = await pay(order.id, { method: 'qris', amount: 10_001 });
    assert.deepEqual([over.status, errorOf(over.body).code], [422, 'ORDER.TENDER_OVER_DUE']);
    assert.deepEqual((await getOrder(order.id)).tenders, []);
  });
});

// Order's Midtrans webhook, on the real stack: what it refuses (and that nothing changes then),
// replays and out-of-order notifications through the simulator's resend, and the status API
// having the last word.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterDeliveries, atSimulator, eventTypes, getOrder, notificationsOf, pay, postNotification, resend, signed } from './midtrans-support.ts';
import { checkout, newProduct } from './support.ts';

/** An order of 10,000 waiting for a QRIS charge, and the charge's first (pending) notification. */
async function pendingQrisSale() {
  const coffee = await newProduct({ price: 10_000, onHand: 3 });
  const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
  const charged = await pay(order.id, { method: 'qris' });
  assert.equal(charged.status, 201, JSON.stringify(charged.body));
  await afterDeliveries(charged.body.payment.id);
  const [pending] = await notificationsOf(charged.body.payment.id);
  assert.equal(pending?.transaction_status, 'pending');
  return { orderId: order.id, chargeId: charged.body.payment.id, pending: pending ?? {} };
}

async function assertUnchanged(orderId: string) {
  const order = await getOrder(orderId);
  assert.deepEqual([order.status, order.tenders.map((t) => t.status)], ['pending', ['pending']]);
  assert.deepEqual(await eventTypes(orderId), ['pos.order.created.v1']);
}

describe('Midtrans notifications', () => {
  it('a forged signature and a tampered amount get 403, a validly signed wrong amount 422, an unknown charge 404, a body that is no notification 400; none changes the order', async () => {
    const sale = await pendingQrisSale();
    const settlement = { ...sale.pending, transaction_status: 'settlement', status_code: '200' };
    const answers = [
      await postNotification(signed(settlement, 'not-the-server-key')),
      await postNotification({ ...signed(settlement), gross_amount: '1.00' }),
      await postNotification(signed({ ...settlement, gross_amount: '9000.00' })),
      await postNotification(signed({ ...settlement, order_id: randomUUID() })),
      await postNotification({ order_id: sale.chargeId, transaction_status: 'settlement' }),
    ];
    assert.deepEqual(answers.map((a) => [a.status, a.body.error?.code]), [
      [403, 'PAYMENT.SIGNATURE_INVALID'], [403, 'PAYMENT.SIGNATURE_INVALID'], [422, 'PAYMENT.AMOUNT_MISMATCH'], [404, 'PAYMENT.UNKNOWN_CHARGE'], [400, 'REQUEST.INVALID'],
    ]);
    await assertUnchanged(sale.orderId);
  });

  it('a validly signed settlement while Midtrans\' status API still says pending gets 200 and changes nothing', async () => {
    const sale = await pendingQrisSale();
    const answer = await postNotification(signed({ ...sale.pending, transaction_status: 'settlement', status_code: '200' }));
    assert.deepEqual([answer.status, answer.body.status], [200, 'no-change']);
    await assertUnchanged(sale.orderId);
  });

  it('replayed and out-of-order notifications (the settlement again, then the older pending one) get 200 and change nothing: the order is paid once', async () => {
    const sale = await pendingQrisSale();
    await atSimulator(sale.chargeId, 'settle');
    const paid = await getOrder(sale.orderId);
    assert.equal(paid.status, 'paid');
    const statuses = (await notificationsOf(sale.chargeId)).map((n) => n.transaction_status);
    assert.deepEqual(statuses, ['pending', 'settlement']);
    assert.deepEqual([...await resend(sale.chargeId, 1), ...await resend(sale.chargeId, 0), ...await resend(sale.chargeId, 1)], [200, 200, 200]);
    const after = await getOrder(sale.orderId);
    assert.deepEqual([after.status, after.tenders, after.paidAt], ['paid', paid.tenders, paid.paidAt]);
    assert.deepEqual(await eventTypes(sale.orderId), ['pos.order.created.v1', 'pos.order.paid.v1']);
  });

  it('a settlement that arrives before the pending notification it follows (sent late on purpose) pays the order; the pending one after it changes nothing', async () => {
    const sale = await pendingQrisSale();
    await atSimulator(sale.chargeId, 'settle', { notify: false });
    assert.equal((await getOrder(sale.orderId)).status, 'pending'); // order has heard nothing yet
    assert.deepEqual(await resend(sale.chargeId, 1), [200]);
    assert.deepEqual(await resend(sale.chargeId, 0), [200]);
    assert.equal((await getOrder(sale.orderId)).status, 'paid');
    assert.deepEqual(await eventTypes(sale.orderId), ['pos.order.created.v1', 'pos.order.paid.v1']);
  });
});

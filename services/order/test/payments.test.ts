// Tenders, the stock saga and receipts, against the real stack.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from '@pos/platform/testing';
import { dayIn } from '../src/domain/shop-time.ts';
import { recordTenderOutcome } from '../src/use-cases/pay.ts';
import type { OrderDeps } from '../src/use-cases/deps.ts';
import { call, checkout, errorOf, newProduct, ORDER_API, pool, sagaDone, stockOf, tokenOf, type OrderBody } from './support.ts';

type Payment = { order: OrderBody; payment: { amount: number; tendered: number; change: number; status: string } };
const payCash = async (orderId: string, tendered: number, token?: string) =>
  call<Payment>('POST', `/orders/${orderId}/payments`, { token: token ?? await tokenOf('cashier'), body: { method: 'cash', tendered } });
const eventsOf = async (orderId: string) => (await pool.query('SELECT type, data FROM outbox WHERE partition_key = $1 ORDER BY seq', [orderId])).rows as { type: string; data: Record<string, unknown> }[];

/** The use case a Midtrans webhook will call, run here on the service's database; the app's saga worker picks up its steps. */
const webhookDeps = { pool, kickSaga: () => undefined } as unknown as OrderDeps;
async function addPendingQris(orderId: string, amount: number): Promise<string> {
  const id = randomUUID();
  await pool.query("INSERT INTO tenders (id, order_id, kind, amount, status) VALUES ($1, $2, 'qris', $3, 'pending')", [id, orderId, amount]);
  return id;
}

describe('payments and the stock saga', () => {
  it('a cash sale: cash over the total gives change, the order is paid, its reservation committed (stock leaves the shop) and order.paid published', async () => {
    const tea = await newProduct({ price: 12_500, onHand: 20 });
    const order = (await checkout([{ productId: tea.id, quantity: 3 }])).body;
    const paid = await payCash(order.id, 50_000);
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    assert.deepEqual([paid.body.payment.amount, paid.body.payment.tendered, paid.body.payment.change], [37_500, 50_000, 12_500]);
    assert.deepEqual([paid.body.order.status, paid.body.order.due], ['paid', 0]);
    await sagaDone(order.id, 'inventory.commit');
    assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 17, reserved: 0, available: 17 });
    assert.deepEqual((await eventsOf(order.id)).map((e) => e.type), ['pos.order.created.v1', 'pos.order.paid.v1']);
  });

  it('two cash tenders: the first pays part and the order stays pending with the rest due; the second pays the rest', async () => {
    const tea = await newProduct({ price: 10_000, onHand: 5 });
    const order = (await checkout([{ productId: tea.id, quantity: 2 }])).body;
    const part = await payCash(order.id, 5_000);
    assert.deepEqual([part.body.order.status, part.body.order.due, part.body.payment.change], ['pending', 15_000, 0]);
    const rest = await payCash(order.id, 20_000);
    assert.deepEqual([rest.body.order.status, rest.body.payment.amount, rest.body.payment.change], ['paid', 15_000, 5_000]);
    const again = await payCash(order.id, 1_000);
    assert.deepEqual([again.status, errorOf(again.body).code], [409, 'ORDER.PAID']);
  });

  it('cash plus QRIS on one sale: the order is paid when the QRIS is settled; a replayed, an out-of-order and an amount-mismatched outcome change nothing', async () => {
    const tea = await newProduct({ price: 10_000, onHand: 5 });
    const order = (await checkout([{ productId: tea.id, quantity: 3 }])).body;
    const qris = await addPendingQris(order.id, 20_000);
    const cash = await payCash(order.id, 10_000);
    assert.deepEqual([cash.body.order.status, cash.body.payment.amount, cash.body.order.due], ['pending', 10_000, 0]);
    await assert.rejects(recordTenderOutcome(webhookDeps, order.id, qris, { status: 'paid', amount: 19_000 }), { code: 'ORDER.TENDER_AMOUNT_MISMATCH' });
    const paid = await recordTenderOutcome(webhookDeps, order.id, qris, { status: 'paid', amount: 20_000, externalId: 'mt-123' });
    assert.equal(paid.status, 'paid');
    const replay = await recordTenderOutcome(webhookDeps, order.id, qris, { status: 'paid', amount: 20_000, externalId: 'mt-123' });
    const late = await recordTenderOutcome(webhookDeps, order.id, qris, { status: 'cancelled', amount: 20_000 });
    assert.deepEqual([replay.status, late.status, late.tenders.find((t) => t.id === qris)?.status], ['paid', 'paid', 'paid']);
    assert.deepEqual((await eventsOf(order.id)).map((e) => e.type), ['pos.order.created.v1', 'pos.order.paid.v1']);
    await sagaDone(order.id, 'inventory.commit');
    assert.equal((await stockOf(tea.id))?.onHand, 2);
    const receipt = await call<{ payments: { method: string; transactionId: string | null }[] }>('GET', `/orders/${order.id}/receipt`, { token: await tokenOf('cashier') });
    assert.deepEqual(receipt.body.payments.map((p) => `${p.method} ${p.transactionId}`).sort(), ['cash null', 'qris mt-123']);
  });

  it('money that arrives after the order was cancelled is recorded and flagged for refund, and the order stays cancelled', async () => {
    const tea = await newProduct({ price: 10_000, onHand: 5 });
    const order = (await checkout([{ productId: tea.id, quantity: 1 }])).body;
    const qris = await addPendingQris(order.id, 10_000);
    assert.equal((await call('POST', `/orders/${order.id}/cancel`, { token: await tokenOf('cashier') })).status, 200);
    const { rows } = await pool.query('SELECT action FROM saga_steps WHERE order_id = $1 ORDER BY action', [order.id]);
    assert.deepEqual(rows.map((row) => row.action), ['inventory.release', 'tender.cancel']); // the gateway hook's step
    const after = await recordTenderOutcome(webhookDeps, order.id, qris, { status: 'paid', amount: 10_000, externalId: 'mt-late' });
    assert.equal(after.status, 'cancelled');
    assert.deepEqual(after.tenders.map((t) => [t.status, t.refundDue]), [['paid', true]]);
  });

  it('cancel releases the stock and publishes order.cancelled; a second cancel answers the same; a cancelled order takes no money and a paid one cannot be cancelled', async () => {
    const tea = await newProduct({ onHand: 4 });
    const order = (await checkout([{ productId: tea.id, quantity: 3 }])).body;
    const token = await tokenOf('cashier');
    const cancelled = await call('POST', `/orders/${order.id}/cancel`, { token });
    assert.deepEqual([cancelled.status, cancelled.body.status], [200, 'cancelled']);
    assert.deepEqual([(await call('POST', `/orders/${order.id}/cancel`, { token })).body.status], ['cancelled']);
    await sagaDone(order.id, 'inventory.release');
    assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 4, reserved: 0, available: 4 });
    assert.deepEqual((await eventsOf(order.id)).map((e) => [e.type, e.data.reason]), [['pos.order.created.v1', undefined], ['pos.order.cancelled.v1', 'cancelled']]);
    const pay = await payCash(order.id, 100_000);
    assert.deepEqual([pay.status, errorOf(pay.body).code], [409, 'ORDER.CANCELLED']);

    const sold = (await checkout([{ productId: tea.id, quantity: 1 }])).body;
    await payCash(sold.id, 10_000);
    const late = await call('POST', `/orders/${sold.id}/cancel`, { token });
    assert.deepEqual([late.status, errorOf(late.body).code], [409, 'ORDER.PAID']);
  });

  it('another cashier can neither pay nor cancel an order; a manager can', async () => {
    const tea = await newProduct({ onHand: 2 });
    const order = (await checkout([{ productId: tea.id, quantity: 1 }])).body;
    const other = await tokenOf('cashier', 'other');
    assert.equal((await payCash(order.id, 10_000, other)).status, 403);
    assert.equal((await call('POST', `/orders/${order.id}/cancel`, { token: other })).status, 403);
    // Read back: the refused calls left the order as it was.
    const untouched = (await call('GET', `/orders/${order.id}`, { token: await tokenOf('cashier') })).body;
    assert.deepEqual([untouched.status, untouched.due, untouched.tenders], ['pending', order.total, []]);
    assert.equal((await payCash(order.id, 10_000, await tokenOf('manager'))).status, 201);
    const paid = (await call('GET', `/orders/${order.id}`, { token: await tokenOf('cashier') })).body;
    assert.deepEqual([paid.status, paid.due, paid.tenders.map((tender) => [tender.kind, tender.status])], ['paid', 0, [['cash', 'paid']]]);
  });

  it('a paid order has a JSON and a 48-column text receipt; an unpaid one gets 409', async () => {
    const tea = await newProduct({ price: 3_500, onHand: 10 });
    const order = (await checkout([{ productId: tea.id, quantity: 2 }])).body;
    const token = await tokenOf('cashier');
    assert.deepEqual([(await call('GET', `/orders/${order.id}/receipt`, { token })).status], [409]);
    await payCash(order.id, 10_000);
    const receipt = await call<{ total: number; taxes: { tax: number; base: number }[]; payments: { tendered: number; change: number }[]; seller: { npwp: string | null } }>(
      'GET', `/orders/${order.id}/receipt`, { token });
    assert.equal(receipt.body.total, 7_000);
    assert.deepEqual(receipt.body.taxes.map((t) => [t.base, t.tax]), [[6_306, 694]]); // 7000 × 11/111 = 693.7
    assert.deepEqual(receipt.body.payments.map((p) => [p.tendered, p.change]), [[10_000, 3_000]]);
    assert.ok(receipt.body.seller.npwp);
    const text = await fetch(`${ORDER_API}/orders/${order.id}/receipt/text`, { headers: { authorization: `Bearer ${token}` } });
    assert.match(text.headers.get('content-type') ?? '', /^text\/plain/);
    const body = await text.text();
    for (const line of body.split('\n')) assert.ok(line.length <= 48, `too wide: "${line}"`);
    assert.match(body, new RegExp(`${order.receiptNumber}`));
    assert.match(body, /Kembali +3\.000/);
  });

  it('the daily summary counts a cashier\'s paid orders, cash totals and cancellations on the shop\'s day', async () => {
    const cashier = await tokenOf('cashier', `report-${randomUUID().slice(0, 6)}`);
    const tea = await newProduct({ price: 5_000, onHand: 10 });
    for (const quantity of [1, 2]) {
      const order = (await checkout([{ productId: tea.id, quantity }], { token: cashier })).body;
      await payCash(order.id, 20_000, cashier);
    }
    const cancelled = (await checkout([{ productId: tea.id, quantity: 1 }], { token: cashier })).body;
    await call('POST', `/orders/${cancelled.id}/cancel`, { token: cashier });
    const cashierId = (await request<{ id: string }>('GET', `${ORDER_API}/whoami`, { token: cashier })).body.id;
    const report = await call<{ date: string; byCashier: { cashierId: string; orders: number; total: number }[]; cancellations: number; byMethod: { method: string; amount: number }[] }>(
      'GET', '/reports/daily', { token: await tokenOf('manager') });
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.equal(report.body.date, dayIn(new Date(), 'Asia/Jakarta'));
    const mine = report.body.byCashier.find((c) => c.cashierId === cashierId);
    assert.deepEqual([mine?.orders, mine?.total], [2, 15_000]);
    assert.ok(report.body.cancellations >= 1);
    assert.ok((report.body.byMethod.find((m) => m.method === 'cash')?.amount ?? 0) >= 15_000);
    const badZone = await call('GET', '/reports/daily?timeZone=Mars/Base', { token: await tokenOf('manager') });
    assert.equal(badZone.status, 400);
  });

  it('the daily summary\'s hours: a paid order counts in the shop\'s hour it was paid, and the hours add up to the day', async () => {
    interface Hours { date: string; orders: number; total: number; byHour: { hour: number; orders: number; total: number }[] }
    const report = async () => (await call<Hours>('GET', '/reports/daily', { token: await tokenOf('manager') })).body;
    const cashier = await tokenOf('cashier');
    const tea = await newProduct({ price: 6_500, onHand: 10 });
    const before = await report();
    const order = (await checkout([{ productId: tea.id, quantity: 2 }], { token: cashier })).body;
    await payCash(order.id, 20_000, cashier);
    const paid = (await call('GET', `/orders/${order.id}`, { token: cashier })).body;
    assert.equal(paid.status, 'paid');
    const paidAt = new Date(String(paid.paidAt));
    const after = await report();
    // The hour on the shop's clock (Asia/Jakarta), not the server's.
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', hourCycle: 'h23' }).format(paidAt));
    const of = (body: Hours) => body.byHour.find((row) => row.hour === hour) ?? { orders: 0, total: 0 };
    if (after.date === before.date) assert.deepEqual([of(after).orders - of(before).orders, of(after).total - of(before).total], [1, 13_000]);
    for (const body of [before, after]) {
      assert.equal(body.byHour.reduce((sum, row) => sum + row.orders, 0), body.orders);
      assert.equal(body.byHour.reduce((sum, row) => sum + row.total, 0), body.total);
      assert.ok(body.byHour.every((row, index, rows) => row.hour >= 0 && row.hour <= 23 && (index === 0 || (rows[index - 1]?.hour ?? -1) < row.hour)), 'hours 0–23, each once, in order');
    }
  });
});

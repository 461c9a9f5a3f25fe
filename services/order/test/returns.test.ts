// Returns and refunds against a receipt, on the real stack: order → inventory's ledger (goods back
// to stock or written off), cash from the drawer or Midtrans' refund API (the simulator, and its
// refund notification back to order's webhook), a refund receipt numbered per till.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually, request } from '@pos/platform/testing';
import { atSimulator, eventTypes, notificationsOf, pay, resend, SIMULATOR } from './midtrans-support.ts';
import { call, checkout, errorOf, fieldsOf, ledgerOf, newProduct, newTill, ORDER_API, pool, sagaDone, stockOf, tokenOf, type OrderBody, type TestProduct } from './support.ts';

interface RefundBody { id: string; tenderId: string; method: string; amount: number; status: string; externalId: string | null; cause: string }
interface ReturnBody {
  id: string; receiptNumber: string; orderId: string; saleReceiptNumber: string; total: number; refundTo: string;
  lines: { lineNo: number; quantity: number; baseQuantity: number; amount: number; tax: number; reason: string; disposition: string }[];
  refunds: RefundBody[];
}
type Line = { lineNo: number; quantity: number; reason?: string; disposition?: 'restock' | 'damaged' };
type OrderView = OrderBody & { lines: { lineNo: number; quantity: number; tax: number; returnedQuantity: number }[]; returns: { receiptNumber: string; total: number }[] };

const till = newTill();
const returnOf = async (orderId: string, lines: Line[], options: { returnId?: string; token?: string; refundTo?: 'original' | 'cash' } = {}) =>
  call<ReturnBody>('POST', '/returns', {
    token: options.token ?? await tokenOf('manager'),
    body: {
      returnId: options.returnId ?? randomUUID(), orderId, ...till, ...(options.refundTo && { refundTo: options.refundTo }),
      lines: lines.map(({ lineNo, quantity, reason = 'changed their mind', disposition = 'restock' }) => ({ lineNo, quantity, reason, disposition })),
    },
  });
let orderId = '';

/** A sale paid in cash: 3 pieces of `product` on line 1, a carton (12 pieces) on line 2. */
async function cashSale(product: TestProduct): Promise<OrderView> {
  const order = (await checkout([{ productId: product.id, quantity: 3 }, { productId: product.id, unit: 'dus', quantity: 1 }])).body;
  const paid = await call<{ order: OrderView }>('POST', `/orders/${order.id}/payments`, { token: await tokenOf('cashier'), body: { method: 'cash', tendered: 200_000 } });
  assert.equal(paid.body.order.status, 'paid');
  await sagaDone(order.id, 'inventory.commit');
  orderId = order.id;
  return paid.body.order;
}

/** A sale of `quantity` pieces paid by QRIS, settled at the simulator. */
async function qrisSale(product: TestProduct, quantity: number): Promise<{ order: OrderBody; chargeId: string }> {
  const order = (await checkout([{ productId: product.id, quantity }])).body;
  const chargeId = (await pay(order.id, { method: 'qris' })).body.payment.id;
  await atSimulator(chargeId, 'settle');
  await sagaDone(order.id, 'inventory.commit');
  orderId = order.id;
  return { order, chargeId };
}

/** Waits until the return's goods are back at inventory (its saga step has run). */
async function returnStockDone(returnId: string): Promise<void> {
  await eventually(async () => {
    const { rows } = await pool.query<{ status: string }>("SELECT status FROM saga_steps WHERE return_id = $1 AND action = 'inventory.return'", [returnId]);
    assert.equal(rows[0]?.status, 'done', `the stock of return ${returnId}: ${rows[0]?.status ?? 'no step'}`);
  }, { timeoutMs: 30_000 });
}

const getOrder = async (id: string) => (await call<OrderView>('GET', `/orders/${id}`, { token: await tokenOf('manager') })).body;
const returnsOf = async (id: string) => Number((await pool.query('SELECT count(*) FROM returns WHERE order_id = $1', [id])).rows[0].count);
const simulated = async (chargeId: string) =>
  (await request<{ transaction: { transaction_status: string; refund_amount?: string } }>('GET', `${SIMULATOR}/_simulator/transactions/${chargeId}`)).body.transaction;

describe('returns and refunds against a receipt', function () {
  this.timeout(120_000);

  it('a partial return, then the rest: each refunded in cash with its own refund receipt, the goods back to stock or written off in inventory\'s ledger; a third return is refused', async () => {
    const tea = await newProduct({ price: 10_000, onHand: 50 });
    await cashSale(tea); // 30 000 + 100 000; 15 pieces leave the shop
    assert.equal((await stockOf(tea.id))?.onHand, 35);

    const first = await returnOf(orderId, [{ lineNo: 1, quantity: 1, reason: 'wrong flavour' }]);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual([first.body.total, first.body.refunds.map((r) => [r.method, r.amount, r.status, r.cause])], [10_000, [['cash', 10_000, 'paid', 'return']]]);
    assert.equal(first.body.receiptNumber, `${till.outletId}-${till.tillId}-R000001`);
    assert.deepEqual(first.body.lines.map((l) => [l.lineNo, l.quantity, l.baseQuantity, l.amount, l.reason]), [[1, 1, 1, 10_000, 'wrong flavour']]);

    await returnStockDone(first.body.id);
    const rest = await returnOf(orderId, [{ lineNo: 1, quantity: 2 }, { lineNo: 2, quantity: 1, reason: 'crushed box', disposition: 'damaged' }]);
    assert.equal(rest.status, 201, JSON.stringify(rest.body));
    assert.deepEqual([rest.body.total, rest.body.receiptNumber, rest.body.lines.map((l) => l.baseQuantity)], [120_000, `${till.outletId}-${till.tillId}-R000002`, [2, 12]]);
    const taxOf = (lines: { tax: number }[]) => lines.reduce((sum, line) => sum + line.tax, 0);
    assert.equal(taxOf([...first.body.lines, ...rest.body.lines]), taxOf((await getOrder(orderId)).lines), 'the PPN of the returns adds up to the sale\'s');

    const third = await returnOf(orderId, [{ lineNo: 1, quantity: 1 }]);
    assert.deepEqual([third.status, errorOf(third.body).code, errorOf(third.body).details], [409, 'RETURN.MORE_THAN_SOLD', { field: 'lines.0.quantity', lineNo: 1, sold: 3, returned: 3, requested: 1 }]);

    const order = await getOrder(orderId);
    assert.deepEqual(order.lines.map((l) => [l.lineNo, l.quantity, l.returnedQuantity]), [[1, 3, 3], [2, 1, 1]]);
    assert.deepEqual(order.returns.map((r) => [r.receiptNumber, r.total]), [[first.body.receiptNumber, 10_000], [rest.body.receiptNumber, 120_000]]);
    const receipt = await (await fetch(`${ORDER_API}/orders/${orderId}/receipt/text`, { headers: { authorization: `Bearer ${await tokenOf('cashier')}` } })).text();
    assert.match(receipt, /DIRETUR/);
    assert.match(receipt, new RegExp(`Retur ${rest.body.receiptNumber}`));
    assert.match(receipt, /SETELAH RETUR +0/);

    // Back to stock: 1 + 2 pieces, and the carton's 12 in and written off again.
    await returnStockDone(rest.body.id);
    assert.equal((await stockOf(tea.id))?.onHand, 38);
    const returned = (await ledgerOf(tea.id)).filter((line) => line.returnId).map((l) => [l.change, l.onHandAfter - l.onHandBefore, l.returnId, l.orderId]);
    assert.deepEqual(returned, [['return', 1, first.body.id, orderId], ['return', 14, rest.body.id, orderId], ['damage', -12, rest.body.id, orderId]]);
    assert.deepEqual((await eventTypes(orderId)).filter((type) => type.startsWith('pos.order.returned') || type.startsWith('pos.refund')),
      ['pos.order.returned.v1', 'pos.refund.paid.v1', 'pos.order.returned.v1', 'pos.refund.paid.v1']);
  });

  it('the refund receipt comes as JSON and as 48-column text, naming the sale\'s receipt, each line\'s reason and how the money went back', async () => {
    const tea = await newProduct({ price: 3_500, onHand: 20 });
    const sale = await cashSale(tea);
    const made = (await returnOf(orderId, [{ lineNo: 1, quantity: 2, reason: 'leaking bottle', disposition: 'damaged' }])).body;
    const json = await call<{ receiptNumber: string; saleReceiptNumber: string; total: number; refunds: { method: string; amount: number }[] }>(
      'GET', `/returns/${made.id}/receipt`, { token: await tokenOf('manager') });
    assert.deepEqual([json.body.receiptNumber, json.body.saleReceiptNumber, json.body.total, json.body.refunds], [made.receiptNumber, sale.receiptNumber, 7_000, [{ ...json.body.refunds[0], method: 'cash', amount: 7_000 }]]);
    const text = await (await fetch(`${ORDER_API}/returns/${made.id}/receipt/text`, { headers: { authorization: `Bearer ${await tokenOf('manager')}` } })).text();
    for (const line of text.split('\n')) assert.ok(line.length <= 48, `too wide: "${line}"`);
    for (const expected of [made.receiptNumber, `Atas struk ${sale.receiptNumber}`, 'Rusak: leaking bottle', 'TOTAL PENGEMBALIAN', 'Tunai']) assert.ok(text.includes(expected), `${expected} in\n${text}`);
  });

  it('a return retried with the same id is one refund, also when the retries race; the same id with another body is a 422', async () => {
    const tea = await newProduct({ price: 5_000, onHand: 20 });
    await cashSale(tea);
    const returnId = randomUUID();
    const replies = await Promise.all([1, 2, 3].map(() => returnOf(orderId, [{ lineNo: 1, quantity: 1 }], { returnId })));
    assert.deepEqual(replies.map((r) => r.status).sort(), [200, 200, 201]);
    for (const reply of replies) assert.deepEqual([reply.body.id, reply.body.receiptNumber, reply.body.refunds], [returnId, replies[0]?.body.receiptNumber, replies[0]?.body.refunds]);
    assert.equal(await returnsOf(orderId), 1);
    assert.equal(Number((await pool.query('SELECT count(*) FROM refunds WHERE return_id = $1', [returnId])).rows[0].count), 1);
    const other = await returnOf(orderId, [{ lineNo: 1, quantity: 2 }], { returnId });
    assert.deepEqual([other.status, errorOf(other.body).code], [422, 'RETURN.IDEMPOTENCY_MISMATCH']);
  });

  it('two tills returning the same line at once: one is refunded, the other refused with 409', async () => {
    const tea = await newProduct({ price: 5_000, onHand: 20 });
    await cashSale(tea);
    const [a, b] = await Promise.all([returnOf(orderId, [{ lineNo: 1, quantity: 3 }]), returnOf(orderId, [{ lineNo: 1, quantity: 2 }])]);
    assert.deepEqual([a.status, b.status].sort(), [201, 409]);
    assert.equal(errorOf((a.status === 409 ? a : b).body).code, 'RETURN.MORE_THAN_SOLD');
    assert.equal(await returnsOf(orderId), 1);
    const { rows } = await pool.query<{ returned: number }>('SELECT returned_quantity AS returned FROM order_lines WHERE order_id = $1 AND line_no = 1', [orderId]);
    assert.equal(rows[0]?.returned, (a.status === 201 ? a : b).body.lines[0]?.quantity);
  });

  it('a QRIS sale is refunded through Midtrans\' refund API, part and then the rest; its refund notifications, replayed, change nothing', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 10 });
    const { chargeId } = await qrisSale(coffee, 3);
    const part = await returnOf(orderId, [{ lineNo: 1, quantity: 1 }]);
    assert.equal(part.status, 201, JSON.stringify(part.body));
    const [refund] = part.body.refunds;
    assert.deepEqual([refund?.method, refund?.amount, refund?.tenderId], ['qris', 10_000, chargeId]);
    const paid = async (id: string) => (await pool.query<{ status: string; external_id: string | null }>('SELECT status, external_id FROM refunds WHERE id = $1', [id])).rows[0];
    await eventually(async () => assert.equal((await paid(refund?.id ?? ''))?.status, 'paid'));
    assert.ok((await paid(refund?.id ?? ''))?.external_id, 'Midtrans\' refund id is kept');
    assert.deepEqual(await simulated(chargeId), { ...(await simulated(chargeId)), transaction_status: 'partial_refund', refund_amount: '10000.00' });

    // Replays of every notification of the charge, the refund's among them: answered, nothing changes.
    await eventually(async () => assert.ok((await notificationsOf(chargeId)).some((n) => n.transaction_status === 'partial_refund')));
    const sent = await notificationsOf(chargeId);
    for (const index of sent.keys()) assert.deepEqual(await resend(chargeId, index), [200]);
    assert.equal((await paid(refund?.id ?? ''))?.status, 'paid');
    const paidEvents = async () => (await pool.query("SELECT count(*)::int AS n FROM outbox WHERE partition_key = $1 AND type = 'pos.refund.paid.v1'", [orderId])).rows[0].n;
    assert.equal(await paidEvents(), 1);
    assert.equal((await getOrder(orderId)).status, 'paid');

    // The refund notification alone settles a refund still pending (as when Midtrans' answer was lost).
    await pool.query("UPDATE refunds SET status = 'pending', paid_at = NULL WHERE id = $1", [refund?.id]);
    const refundNotice = sent.findIndex((n) => n.transaction_status === 'partial_refund');
    assert.deepEqual(await resend(chargeId, refundNotice), [200]);
    assert.equal((await paid(refund?.id ?? ''))?.status, 'paid');

    const rest = await returnOf(orderId, [{ lineNo: 1, quantity: 2 }]);
    assert.deepEqual(rest.body.refunds.map((r) => [r.method, r.amount]), [['qris', 20_000]]);
    await eventually(async () => assert.equal((await simulated(chargeId)).transaction_status, 'refund'));
    await eventually(async () => assert.equal((await paid(rest.body.refunds[0]?.id ?? ''))?.status, 'paid'));
  });

  it('refundTo cash gives a QRIS sale\'s money back from the drawer; a refund Midtrans refuses (a Snap paid by bank transfer) is due, listed, and given back in cash', async () => {
    const coffee = await newProduct({ price: 8_000, onHand: 10 });
    await qrisSale(coffee, 2);
    const inCash = await returnOf(orderId, [{ lineNo: 1, quantity: 1 }], { refundTo: 'cash' });
    assert.deepEqual(inCash.body.refunds.map((r) => [r.method, r.status, r.amount]), [['cash', 'paid', 8_000]]);

    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const snap = (await pay(order.id, { method: 'snap' })).body.payment.id;
    const settled = await request('POST', `${SIMULATOR}/_simulator/transactions/${snap}/settle`, { body: { payment_type: 'bank_transfer' } });
    assert.equal(settled.status, 200);
    await sagaDone(order.id, 'inventory.commit');
    orderId = order.id;
    const refused = await returnOf(order.id, [{ lineNo: 1, quantity: 1 }]);
    assert.deepEqual(refused.body.refunds.map((r) => [r.method, r.status]), [['cash', 'due']]);
    const listed = await call<{ items: { id: string; orderId: string; cause: string }[] }>('GET', '/refunds-due?limit=200', { token: await tokenOf('manager') });
    const due = listed.body.items.find((r) => r.orderId === order.id);
    assert.equal(due?.cause, 'return');
    const given = await call<RefundBody>('POST', `/refunds-due/${due?.id}/pay`, { token: await tokenOf('manager'), body: { method: 'cash' } });
    assert.deepEqual([given.body.status, given.body.method], ['paid', 'cash']);
  });

  it('refuses: a cashier 403, no token 401, bad input 400 naming the field, an unpaid order 409, a line it has not 422, past the return period 422', async () => {
    const tea = await newProduct({ price: 5_000, onHand: 20 });
    await cashSale(tea);
    assert.equal((await returnOf(orderId, [{ lineNo: 1, quantity: 1 }], { token: await tokenOf('cashier') })).status, 403);
    assert.equal((await call('POST', '/returns', { body: { returnId: randomUUID(), orderId, ...till, lines: [{ lineNo: 1, quantity: 1, reason: 'x', disposition: 'restock' }] } })).status, 401);
    assert.equal((await call('GET', `/returns/${randomUUID()}`)).status, 401);
    const manager = await tokenOf('manager');
    const bad = await call('POST', '/returns', { token: manager, body: { returnId: 'not-a-uuid', orderId, ...till, lines: [{ lineNo: 1, quantity: 0, reason: '', disposition: 'lost' }] } });
    assert.deepEqual([bad.status, fieldsOf(bad.body).sort()], [400, ['body.lines.0.disposition', 'body.lines.0.quantity', 'body.lines.0.reason', 'body.returnId']]);
    const noLines = await call('POST', '/returns', { token: manager, body: { returnId: randomUUID(), orderId, ...till, lines: [] } });
    assert.deepEqual([noLines.status, fieldsOf(noLines.body)], [400, ['body.lines']]);
    assert.equal((await call('GET', `/returns/${randomUUID()}`, { token: manager })).status, 404);

    const unknownLine = await returnOf(orderId, [{ lineNo: 9, quantity: 1 }]);
    assert.deepEqual([unknownLine.status, errorOf(unknownLine.body).code, errorOf(unknownLine.body).details], [422, 'RETURN.LINE_UNKNOWN', { field: 'lines.0.lineNo' }]);
    const pending = (await checkout([{ productId: tea.id, quantity: 1 }])).body;
    const unpaid = await returnOf(pending.id, [{ lineNo: 1, quantity: 1 }]);
    assert.deepEqual([unpaid.status, errorOf(unpaid.body).code], [409, 'RETURN.ORDER_NOT_PAID']);
    assert.equal((await returnOf(randomUUID(), [{ lineNo: 1, quantity: 1 }])).status, 404);

    await pool.query("UPDATE orders SET paid_at = now() - interval '31 days' WHERE id = $1", [orderId]); // the default period is 30 days
    const late = await returnOf(orderId, [{ lineNo: 1, quantity: 1 }]);
    assert.deepEqual([late.status, errorOf(late.body).code], [422, 'RETURN.PERIOD_OVER']);
  });
});

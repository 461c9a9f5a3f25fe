// Money never drops out of the books, on the real stack: cash taken on an order that ends unpaid
// (cancelled, expired) becomes a refund due listed for a manager, and the daily report's money
// adds up to the Rupiah for every way an order ends: per method, taken = sales + unpaid + open,
// refunded = returns + refunds due given back, net = taken − refunded.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually } from '@pos/platform/testing';
import { dayIn } from '../src/domain/shop-time.ts';
import { afterDeliveries, atSimulator, pay } from './midtrans-support.ts';
import { call, checkout, errorOf, fieldsOf, newProduct, newTill, pool, sagaDone, tokenOf } from './support.ts';

interface Money { method: string; taken: number; sales: number; unpaid: number; open: number; refunded: number; returns: number; refundsDue: number; net: number }
interface RefundDue { id: string; orderId: string; tenderId: string; method: string; amount: number; status: string; receiptNumber: string; orderStatus: string }

const today = dayIn(new Date(), 'Asia/Jakarta');
const FIGURES = ['taken', 'sales', 'unpaid', 'open', 'refunded', 'returns', 'refundsDue', 'net'] as const;

/** The day's money per method; each row checked to add up. */
async function moneyToday(): Promise<Money[]> {
  const reply = await call<{ money: Money[] }>('GET', `/reports/daily?date=${today}`, { token: await tokenOf('manager') });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  for (const row of reply.body.money) {
    assert.equal(row.taken, row.sales + row.unpaid + row.open, `${row.method}: taken is sales + unpaid + open`);
    assert.equal(row.refunded, row.returns + row.refundsDue, `${row.method}: refunded is returns + refunds due given back`);
    assert.equal(row.net, row.taken - row.refunded, `${row.method}: net is taken − refunded`);
  }
  return reply.body.money;
}

/** How the `method` row changed between two reports. */
function change(before: Money[], after: Money[], method = 'cash'): Record<(typeof FIGURES)[number], number> {
  const of = (rows: Money[]) => rows.find((row) => row.method === method);
  return Object.fromEntries(FIGURES.map((figure) => [figure, (of(after)?.[figure] ?? 0) - (of(before)?.[figure] ?? 0)])) as Record<(typeof FIGURES)[number], number>;
}

const payCash = async (orderId: string, tendered: number, token: string) =>
  call<{ order: { status: string } }>('POST', `/orders/${orderId}/payments`, { token, body: { method: 'cash', tendered } });
const refundsDue = async () => (await call<{ items: RefundDue[] }>('GET', '/refunds-due?limit=200', { token: await tokenOf('manager') })).body.items;
const payOut = async (refundId: string, token?: string, body: unknown = { method: 'cash' }) =>
  call<RefundDue & { paidBy: string | null; paidAt: string | null }>('POST', `/refunds-due/${refundId}/pay`, { ...(token !== '' && { token: token ?? await tokenOf('manager') }), body });

describe('the books: money on orders that end unpaid', () => {
  it('cash taken on an order that is then cancelled is a refund due listed for a manager; given back, the day\'s cash is its sales minus its refunds, to the Rupiah', async () => {
    const cashier = await tokenOf('cashier');
    const tea = await newProduct({ price: 10_000, onHand: 10 });
    const before = await moneyToday();

    const sold = (await checkout([{ productId: tea.id, quantity: 2 }], { token: cashier })).body;
    assert.equal((await payCash(sold.id, 50_000, cashier)).body.order.status, 'paid');
    const abandoned = (await checkout([{ productId: tea.id, quantity: 3 }], { token: cashier })).body;
    await payCash(abandoned.id, 12_500, cashier); // part of 30 000, and then the customer walks away
    // Cancelling it voids the cash taken: not the cashier's alone (approvals.test.ts), a manager's.
    const refused = await call('POST', `/orders/${abandoned.id}/cancel`, { token: cashier });
    assert.deepEqual([refused.status, errorOf(refused.body).code], [403, 'APPROVAL.REQUIRED']);
    const cancelled = await call('POST', `/orders/${abandoned.id}/cancel`, { token: await tokenOf('manager') });
    assert.deepEqual([cancelled.status, cancelled.body.status, cancelled.body.paid], [200, 'cancelled', 0]);

    const due = (await refundsDue()).filter((refund) => refund.orderId === abandoned.id);
    assert.deepEqual(due.map(({ method, amount, status, orderStatus, receiptNumber }) => ({ method, amount, status, orderStatus, receiptNumber })),
      [{ method: 'cash', amount: 12_500, status: 'due', orderStatus: 'cancelled', receiptNumber: abandoned.receiptNumber }]);
    assert.deepEqual(change(before, await moneyToday()), { taken: 32_500, sales: 20_000, unpaid: 12_500, open: 0, refunded: 0, returns: 0, refundsDue: 0, net: 32_500 });

    const refundId = due[0]?.id ?? '';
    const paid = await payOut(refundId);
    assert.deepEqual([paid.status, paid.body.status, paid.body.method, paid.body.amount], [200, 'paid', 'cash', 12_500]);
    assert.ok(paid.body.paidBy && paid.body.paidAt);
    assert.equal((await refundsDue()).some((refund) => refund.id === refundId), false, 'no longer listed');
    // Cash in = cash of sales − refunds: what stays in the drawer is the sale's 20 000.
    assert.deepEqual(change(before, await moneyToday()), { taken: 32_500, sales: 20_000, unpaid: 12_500, open: 0, refunded: 12_500, returns: 0, refundsDue: 12_500, net: 20_000 });
    const events = await pool.query<{ type: string }>('SELECT type FROM outbox WHERE partition_key = $1 ORDER BY seq', [abandoned.id]);
    assert.deepEqual(events.rows.map((row) => row.type), ['pos.order.created.v1', 'pos.order.cancelled.v1', 'pos.refund.due.v1', 'pos.refund.paid.v1']);
  });

  it('cash taken on an order that then expires is a refund due too, and the books add up the same way', async () => {
    const cashier = await tokenOf('cashier');
    const tea = await newProduct({ price: 7_000, onHand: 10 });
    const before = await moneyToday();
    const order = (await checkout([{ productId: tea.id, quantity: 2 }], { token: cashier })).body;
    await payCash(order.id, 5_000, cashier);
    assert.deepEqual(change(before, await moneyToday()), { taken: 5_000, sales: 0, unpaid: 0, open: 5_000, refunded: 0, returns: 0, refundsDue: 0, net: 5_000 });

    await pool.query("UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = $1", [order.id]); // the clock, for this order
    await eventually(async () => assert.equal((await call('GET', `/orders/${order.id}`, { token: cashier })).body.status, 'expired'));
    const due = (await refundsDue()).filter((refund) => refund.orderId === order.id);
    assert.deepEqual(due.map(({ amount, orderStatus }) => [amount, orderStatus]), [[5_000, 'expired']]);
    assert.deepEqual(change(before, await moneyToday()), { taken: 5_000, sales: 0, unpaid: 5_000, open: 0, refunded: 0, returns: 0, refundsDue: 0, net: 5_000 });

    await payOut(due[0]?.id ?? '');
    assert.deepEqual(change(before, await moneyToday()), { taken: 5_000, sales: 0, unpaid: 5_000, open: 0, refunded: 5_000, returns: 0, refundsDue: 5_000, net: 0 });
  });

  it('a refund due given back twice is given back once; a cashier may not (403), nor anyone without a token (401); a bad method is 400 naming the field', async () => {
    const cashier = await tokenOf('cashier');
    const tea = await newProduct({ price: 4_000, onHand: 5 });
    const order = (await checkout([{ productId: tea.id, quantity: 1 }], { token: cashier })).body;
    await payCash(order.id, 1_000, cashier);
    await call('POST', `/orders/${order.id}/cancel`, { token: await tokenOf('manager') });
    const [due] = (await refundsDue()).filter((refund) => refund.orderId === order.id);
    assert.ok(due);

    assert.equal((await call('GET', '/refunds-due', { token: cashier })).status, 403);
    assert.equal((await call('GET', '/refunds-due')).status, 401);
    assert.equal((await payOut(due.id, cashier)).status, 403);
    assert.equal((await payOut(due.id, '')).status, 401);
    const bad = await payOut(due.id, undefined, { method: 'cheque' });
    assert.deepEqual([bad.status, fieldsOf(bad.body)], [400, ['body.method']]);
    assert.equal((await payOut(randomUUID())).status, 404);

    const [first, second] = await Promise.all([payOut(due.id), payOut(due.id)]);
    assert.deepEqual([first.status, second.status, first.body.paidAt, first.body.status], [200, 200, second.body.paidAt, 'paid']);
    const rows = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE partition_key = $1 AND type = 'pos.refund.paid.v1'", [order.id]);
    assert.equal(rows.rows[0]?.n, 1);
  });

  it('a sale with goods returned: the cash it keeps is its sales minus the refund of the return', async () => {
    const cashier = await tokenOf('cashier');
    const tea = await newProduct({ price: 6_000, onHand: 10 });
    const before = await moneyToday();
    const order = (await checkout([{ productId: tea.id, quantity: 4 }], { token: cashier })).body;
    await payCash(order.id, 30_000, cashier);
    await sagaDone(order.id, 'inventory.commit');
    const returned = await call('POST', '/returns', {
      token: await tokenOf('manager'),
      body: { returnId: randomUUID(), orderId: order.id, ...newTill(), lines: [{ lineNo: 1, quantity: 1, reason: 'too sweet', disposition: 'restock' }] },
    });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));
    assert.deepEqual(change(before, await moneyToday()), { taken: 24_000, sales: 24_000, unpaid: 0, open: 0, refunded: 6_000, returns: 6_000, refundsDue: 0, net: 18_000 });
  });

  it('QRIS money that came after its order was cancelled is a refund due too, given back through Midtrans\' refund API', async () => {
    const coffee = await newProduct({ price: 9_000, onHand: 5 });
    const before = await moneyToday();
    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const qris = (await pay(order.id, { method: 'qris' })).body.payment;
    await afterDeliveries(qris.id);
    await atSimulator(qris.id, 'settle', { notify: false }); // paid at Midtrans; its notification never came
    await call('POST', `/orders/${order.id}/cancel`, { token: await tokenOf('cashier') });
    const due = await eventually(async () => {
      const found = (await refundsDue()).find((refund) => refund.orderId === order.id);
      assert.ok(found, 'the cancel step has not found the money yet');
      return found;
    }, { timeoutMs: 30_000 });
    assert.deepEqual([due.method, due.amount], ['qris', 9_000]);
    const given = await payOut(due.id, undefined, { method: 'original' });
    assert.deepEqual([given.status, given.body.method, given.body.status], [200, 'qris', 'paid']);
    assert.deepEqual(change(before, await moneyToday(), 'qris'), { taken: 9_000, sales: 0, unpaid: 9_000, open: 0, refunded: 9_000, returns: 0, refundsDue: 9_000, net: 0 });
  });
});

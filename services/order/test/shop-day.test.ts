// A shop's day in one outlet of its own, on the real stack: two tills, each with a shift; sales
// with a line discount, an order discount and change; a return paid back in cash; cash in and
// out; both shifts closed with the count. The daily report (for the outlet) and the two Z
// reports add up to each other, and to the Rupiah the sales came to.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TillClaim } from '@pos/platform';
import { call, newProduct, sagaDone, tillToken, type OrderBody } from './support.ts';

interface Z {
  sales: { orders: number; total: number };
  refunds: { total: number };
  cash: { openingFloat: number; received: number; change: number; refunds: number; cashIn: number; cashOut: number; expected: number };
  close: { countedTotal: number; variance: number };
}
interface Daily {
  outletId: string | null; orders: number; total: number;
  discounts: { orders: number; amount: number };
  returns: { count: number; total: number };
  money: { method: string; taken: number; sales: number; refunded: number; returns: number; net: number }[];
}

const NOTES_AND_COINS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50];
/** The count of a drawer holding exactly `amount` (the fewest notes and coins). */
function drawerOf(amount: number): { value: number; count: number }[] {
  let left = amount;
  return NOTES_AND_COINS.flatMap((value) => {
    const count = Math.floor(left / value);
    left -= count * value;
    return count > 0 ? [{ value, count }] : [];
  });
}

async function openShift(token: string, openingFloat: number): Promise<string> {
  const opened = await call<{ id: string }>('POST', '/shifts', { token, body: { shiftId: randomUUID(), openingFloat } });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  return opened.body.id;
}

/** A sale paid in cash at `till`: the lines (with their discounts), the order's discount, what was handed over. */
async function cashSale(token: string, till: TillClaim, lines: unknown[], tendered: number, discount?: unknown): Promise<OrderBody> {
  const made = await call<OrderBody>('POST', '/orders', { token, body: { outletId: till.outletId, tillId: till.code, lines, ...(discount !== undefined && { discount }) } });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const paid = await call<{ order: OrderBody }>('POST', `/orders/${made.body.id}/payments`, { token, body: { method: 'cash', tendered } });
  assert.equal(paid.body.order.status, 'paid', JSON.stringify(paid.body));
  return paid.body.order;
}

async function cashMove(token: string, shiftId: string, kind: 'in' | 'out', amount: number, reason: string): Promise<void> {
  const moved = await call('POST', `/shifts/${shiftId}/cash-moves`, { token, body: { moveId: randomUUID(), kind, amount, reason } });
  assert.equal(moved.status, 201, JSON.stringify(moved.body));
}

async function closeWithCount(token: string, shiftId: string): Promise<Z> {
  const x = await call<Z>('GET', `/shifts/${shiftId}/x-report`, { token });
  const closed = await call<{ z: Z }>('POST', `/shifts/${shiftId}/close`, { token, body: { counted: drawerOf(x.body.cash.expected) } });
  assert.equal(closed.status, 201, JSON.stringify(closed.body));
  return closed.body.z;
}

describe('a shop\'s day: the daily report and the Z reports add up', function () {
  this.timeout(120_000);

  it('sales with discounts and change, a cash return, cash in and out on two tills: each Z report balances, and together they are the outlet\'s daily report to the Rupiah', async () => {
    const outletId = `DAY-${randomUUID().slice(0, 8)}`;
    const tillIn = (): TillClaim => ({ id: randomUUID(), code: `T${randomUUID().slice(0, 6).toUpperCase()}`, outletId });
    const [tillA, tillB] = [tillIn(), tillIn()];
    const [cashierA, managerA, cashierB] = [await tillToken('cashier', tillA), await tillToken('manager', tillA), await tillToken('cashier', tillB)];
    const [tea, coffee] = [await newProduct({ price: 10_000, onHand: 20 }), await newProduct({ price: 20_000, onHand: 20 })];
    const shiftA = await openShift(cashierA, 100_000);
    const shiftB = await openShift(cashierB, 50_000);

    // Till A: 3 teas at 10 % off (27 000, paid with 50 000: change 23 000); 2 coffees with 4 000 off the sale (36 000).
    const teas = await cashSale(cashierA, tillA, [{ productId: tea.id, quantity: 3, discount: { percent: 10 } }], 50_000);
    const coffees = await cashSale(cashierA, tillA, [{ productId: coffee.id, quantity: 2 }], 36_000, { amount: 4_000 });
    assert.deepEqual([teas.total, coffees.total], [27_000, 36_000]);
    // One tea comes back: 9 000 (its share after the discount) from A's drawer.
    await sagaDone(teas.id, 'inventory.commit');
    const returned = await call<{ refunds: { method: string; amount: number }[] }>('POST', '/returns', {
      token: managerA, body: { returnId: randomUUID(), orderId: teas.id, outletId, tillId: tillA.code, lines: [{ lineNo: 1, quantity: 1, reason: 'leaking', disposition: 'damaged' }] },
    });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));
    assert.deepEqual(returned.body.refunds.map((refund) => [refund.method, refund.amount]), [['cash', 9_000]]);
    await cashMove(cashierA, shiftA, 'in', 20_000, 'coins from the safe');
    // Till B: a tea paid with 20 000 (change 10 000); 5 000 out for ice.
    await cashSale(cashierB, tillB, [{ productId: tea.id, quantity: 1 }], 20_000);
    await cashMove(cashierB, shiftB, 'out', 5_000, 'ice for the cooler');

    const [zA, zB] = [await closeWithCount(cashierA, shiftA), await closeWithCount(cashierB, shiftB)];
    assert.deepEqual(zA.cash, { openingFloat: 100_000, received: 86_000, change: 23_000, refunds: 9_000, cashIn: 20_000, cashOut: 0, expected: 174_000 });
    assert.deepEqual(zB.cash, { openingFloat: 50_000, received: 20_000, change: 10_000, refunds: 0, cashIn: 0, cashOut: 5_000, expected: 55_000 });
    assert.deepEqual([zA.close, zB.close].map((close) => [close.countedTotal, close.variance]), [[174_000, 0], [55_000, 0]]);

    const daily = await call<Daily>('GET', `/reports/daily?outletId=${outletId}`, { token: managerA });
    assert.equal(daily.status, 200, JSON.stringify(daily.body));
    const cash = daily.body.money.find((money) => money.method === 'cash');
    assert.deepEqual([daily.body.outletId, daily.body.orders, daily.body.total, daily.body.discounts, daily.body.returns],
      [outletId, 3, 73_000, { orders: 2, amount: 3_000 + 4_000 }, { count: 1, total: 9_000 }]);
    assert.deepEqual(daily.body.money.map((money) => money.method), ['cash'], 'nothing but cash moved in this outlet');
    assert.deepEqual([cash?.taken, cash?.sales, cash?.refunded, cash?.returns, cash?.net], [73_000, 73_000, 9_000, 9_000, 64_000]);
    // The Z reports and the day: sales, cash taken net of change, cash given back.
    assert.equal(zA.sales.total + zB.sales.total, daily.body.total);
    assert.equal(zA.sales.orders + zB.sales.orders, daily.body.orders);
    assert.equal(zA.cash.received - zA.cash.change + zB.cash.received - zB.cash.change, cash?.taken);
    assert.equal(zA.cash.refunds + zB.cash.refunds, cash?.refunded);
    assert.equal(zA.refunds.total + zB.refunds.total, daily.body.returns.total);
    // What the drawers hold beyond their floats and moves is the day's net cash.
    assert.equal(zA.close.countedTotal + zB.close.countedTotal - 150_000 - 20_000 + 5_000, cash?.net);
  });
});

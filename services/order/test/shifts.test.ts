// Shifts and the cash drawer on the real stack: a shift opened at a registered till, its sales,
// refunds and cash moves, the X report, the close by denomination and the Z report; variances
// over the threshold, racing opens, late offline sales, and who may call what.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TillClaim } from '@pos/platform';
import { localSecret, request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import { dayIn } from '../src/domain/shop-time.ts';
import { DEFAULT_TAX_RATES, includedTax, taxRuleFor } from '../src/domain/tax.ts';
import { call, errorOf, newProduct, newRegisteredTill, ORDER_API, pool, sagaDone, tillToken, tokenOf, type OrderBody, type TestProduct } from './support.ts';

type Shift = { id: string; status: string; tillId: string; openingFloat: number };
type Report = {
  shift: Shift; sales: { orders: number; total: number; byMethod: { method: string; count: number; amount: number }[] };
  refunds: { total: number }; noSales: number;
  cash: { openingFloat: number; received: number; change: number; refunds: number; cashIn: number; cashOut: number; expected: number };
  close?: { countedTotal: number; variance: number; varianceApprovedBy: string | null; waitingSales: number | null };
  late?: { count: number; total: number; cash: number };
};
type Closed = { z: Report; warnings: { code: string }[] };
type Count = { value: number; count: number }[];

const open = (token: string, openingFloat = 200_000, shiftId = randomUUID()) => call<Shift>('POST', '/shifts', { token, body: { shiftId, openingFloat } });
const move = (token: string, shiftId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  call<{ id: string; kind: string; amount: number }>('POST', `/shifts/${shiftId}/cash-moves`, { token, body: { moveId: randomUUID(), ...body }, ...(headers && { headers }) });
const close = (token: string, shiftId: string, counted: Count, waitingSales?: number, headers?: Record<string, string>) =>
  call<Closed>('POST', `/shifts/${shiftId}/close`, { token, body: { counted, ...(waitingSales !== undefined && { waitingSales }) }, ...(headers && { headers }) });
const get = <T>(token: string, path: string) => call<T>('GET', path, { token });

const USER_API = service('user').url;
const PIN = '1357';
/** A manager with a PIN (user's PUT /me/pin): their email and id. */
async function managerWithPin(): Promise<{ email: string; id: string }> {
  const admin = (await request<{ accessToken: string }>('POST', `${USER_API}/auth/login`, { body: { email: localSecret('admin-email'), password: localSecret('admin-password') } })).body.accessToken;
  const [email, password] = [`mgr-${randomUUID()}@shifts.test`, `pw-${randomUUID()}`];
  const made = await request<{ id: string }>('POST', `${USER_API}/users`, { token: admin, body: { name: 'Mgr Budi', email, role: 'manager', password } });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const token = (await request<{ accessToken: string }>('POST', `${USER_API}/auth/login`, { body: { email, password } })).body.accessToken;
  assert.equal((await request('PUT', `${USER_API}/me/pin`, { token, body: { pin: PIN } })).status, 204);
  return { email, id: made.body.id };
}
/** The manager's approval of `action` on the shift, asked at the till with the cashier's token. */
async function approval(cashier: string, manager: { email: string }, action: string, ref: string, amount: number): Promise<Record<string, string>> {
  const reply = await request<{ approval: string }>('POST', `${USER_API}/approvals`, { token: cashier, body: { manager: manager.email, pin: PIN, action, ref, amount } });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return { 'x-approval': reply.body.approval };
}

/** A cash sale at the till: `quantity` pieces of `product`, `tendered` handed over. */
async function cashSale(token: string, till: TillClaim, product: TestProduct, quantity: number, tendered: number): Promise<OrderBody & { shiftId: string | null }> {
  const made = await call<OrderBody>('POST', '/orders', { token, body: { outletId: till.outletId, tillId: till.code, lines: [{ productId: product.id, quantity }] } });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const paid = await call<{ order: OrderBody & { shiftId: string | null } }>('POST', `/orders/${made.body.id}/payments`, { token, body: { method: 'cash', tendered } });
  assert.equal(paid.body.order.status, 'paid', JSON.stringify(paid.body));
  return paid.body.order;
}

/** A cash sale the till made offline at `soldAt`, as PUT /offline-sales takes it. */
function offlineSale(till: TillClaim, product: TestProduct, soldAt: Date, seq: number) {
  const rule = taxRuleFor(DEFAULT_TAX_RATES, dayIn(soldAt, 'Asia/Jakarta'), true);
  return {
    receiptNumber: `${till.code}-${String(seq).padStart(6, '0')}`, soldAt: soldAt.toISOString(), outletId: till.outletId,
    lines: [{ productId: product.id, unit: 'pcs', quantity: 1, unitPrice: product.price, lineTotal: product.price, taxClass: 'standard' }],
    totals: { total: product.price, tax: includedTax(product.price, 'standard', rule) },
    tenders: [{ kind: 'cash', amount: product.price, tendered: product.price }],
  };
}

describe('shifts and the cash drawer', function () {
  this.timeout(120_000);

  it('a shift from open to Z report: cash sales with change, a cash refund, cash in and out, a no-sale; the count matches the expected to the Rupiah', async () => {
    const till = newRegisteredTill();
    const [cashier, manager] = [await tillToken('cashier', till), await tillToken('manager', till)];
    const tea = await newProduct({ price: 10_000, onHand: 50 });
    const opened = await open(cashier, 200_000);
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const shiftId = opened.body.id;
    assert.deepEqual((await get<Shift>(cashier, '/shifts/current')).body.id, shiftId);

    const first = await cashSale(cashier, till, tea, 3, 50_000); // 30 000, change 20 000
    const second = await cashSale(cashier, till, tea, 10, 100_000); // 100 000, no change
    assert.deepEqual([first.shiftId, second.shiftId], [shiftId, shiftId]);
    const elsewhere = await call<OrderBody & { shiftId: string | null }>('POST', '/orders', { token: await tokenOf('cashier'), body: { outletId: 'JKT1', tillId: till.code, lines: [{ productId: tea.id, quantity: 1 }] } });
    assert.equal(elsewhere.body.shiftId, null, 'an order without a till claim has no shift');

    await sagaDone(first.id, 'inventory.commit');
    const ret = await call<{ refunds: { method: string; amount: number }[] }>('POST', '/returns', {
      token: manager, body: { returnId: randomUUID(), orderId: first.id, outletId: till.outletId, tillId: till.code, lines: [{ lineNo: 1, quantity: 1, reason: 'dented', disposition: 'damaged' }] },
    });
    assert.equal(ret.status, 201, JSON.stringify(ret.body));
    assert.deepEqual(ret.body.refunds.map((r) => [r.method, r.amount]), [['cash', 10_000]]);

    assert.equal((await move(cashier, shiftId, { kind: 'in', amount: 50_000, reason: 'coins from the safe' })).status, 201);
    const out = { moveId: randomUUID(), kind: 'out', amount: 20_000, reason: 'ice for the cooler' };
    assert.equal((await move(cashier, shiftId, out)).status, 201);
    assert.equal((await move(cashier, shiftId, out)).status, 200, 'the same move again is the same move');
    const noSale = await move(cashier, shiftId, { kind: 'no-sale', reason: 'change for the neighbour' });
    assert.deepEqual([noSale.status, errorOf(noSale.body).code], [403, 'APPROVAL.REQUIRED']);
    assert.equal((await move(manager, shiftId, { kind: 'no-sale', reason: 'change for the neighbour' })).status, 201);
    const approver = await managerWithPin();
    const approved = await move(cashier, shiftId, { kind: 'no-sale', reason: 'a coin stuck' }, await approval(cashier, approver, 'no-sale', shiftId, 0));
    assert.equal(approved.status, 201, JSON.stringify(approved.body));

    const x = await get<Report>(cashier, `/shifts/${shiftId}/x-report`);
    assert.equal(x.status, 200, JSON.stringify(x.body));
    const expected = 200_000 + 150_000 - 20_000 - 10_000 + 50_000 - 20_000;
    assert.deepEqual(x.body.cash, { openingFloat: 200_000, received: 150_000, change: 20_000, refunds: 10_000, cashIn: 50_000, cashOut: 20_000, expected });
    assert.deepEqual([x.body.sales.orders, x.body.sales.total, x.body.refunds.total, x.body.noSales], [2, 130_000, 10_000, 2]);
    assert.equal((await get<Report>(cashier, `/shifts/${shiftId}/x-report`)).body.cash.expected, expected, 'the X report changes nothing');

    const counted = [{ value: 100_000, count: 3 }, { value: 20_000, count: 2 }, { value: 10_000, count: 1 }];
    const closed = await close(cashier, shiftId, counted);
    assert.equal(closed.status, 201, JSON.stringify(closed.body));
    assert.deepEqual([closed.body.z.close?.countedTotal, closed.body.z.close?.variance, closed.body.z.cash.expected], [expected, 0, expected]);
    assert.equal((await close(cashier, shiftId, counted)).status, 200, 'the same close again answers its Z report');
    assert.equal(errorOf((await close(cashier, shiftId, [{ value: 50_000, count: 7 }])).body).code, 'SHIFT.CLOSED');

    const z = await get<Report>(cashier, `/shifts/${shiftId}/z-report`);
    assert.deepEqual([z.body.cash.expected, z.body.close?.countedTotal, z.body.late?.count], [expected, expected, 0]);
    const text = await (await fetch(`${ORDER_API}/shifts/${shiftId}/z-report/text`, { headers: { authorization: `Bearer ${cashier}` } })).text();
    assert.match(text, /KAS SEHARUSNYA +350\.000/);
    assert.ok(text.split('\n').every((line) => line.length <= 48));
    const after = await cashSale(cashier, till, tea, 1, 10_000);
    assert.equal(after.shiftId, null, 'after the close, selling goes on without a shift');

    const events = await pool.query<{ type: string; variance: string }>("SELECT type, data->>'variance' AS variance FROM outbox WHERE partition_key = $1 ORDER BY seq", [shiftId]);
    assert.deepEqual(events.rows.map((e) => [e.type, e.variance]), [['pos.shift.opened.v1', null], ['pos.shift.closed.v1', '0']]);

    const listed = await get<{ items: (Shift & { variance: number | null })[] }>(await tokenOf('manager'), `/shifts?date=${dayIn(new Date(), 'Asia/Jakarta')}`);
    assert.deepEqual(listed.body.items.filter((s) => s.id === shiftId).map((s) => [s.status, s.variance]), [['closed', 0]]);
  });

  it('a variance over the threshold is refused for a cashier without approval and closes with a manager\'s; sales still waiting at the till are warned of', async () => {
    const till = newRegisteredTill();
    const cashier = await tillToken('cashier', till);
    const shiftId = (await open(cashier, 100_000)).body.id;
    const short = [{ value: 50_000, count: 1 }, { value: 20_000, count: 2 }, { value: 2_000, count: 2 }]; // 94 000: 6 000 short
    const refused = await close(cashier, shiftId, short);
    assert.deepEqual([refused.status, errorOf(refused.body).code], [403, 'APPROVAL.REQUIRED']);
    assert.equal((await get<Shift>(cashier, '/shifts/current')).body.status, 'open', 'a refused close leaves the shift open');

    const manager = await managerWithPin();
    const tooLittle = await close(cashier, shiftId, short, 2, await approval(cashier, manager, 'shift-variance', shiftId, 5_999));
    assert.deepEqual([tooLittle.status, errorOf(tooLittle.body).code], [403, 'APPROVAL.INVALID']);
    const approved = await close(cashier, shiftId, short, 2, await approval(cashier, manager, 'shift-variance', shiftId, 6_000));
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    assert.deepEqual([approved.body.z.close?.variance, approved.body.z.close?.varianceApprovedBy], [-6_000, manager.id]);
    const audit = await call<{ items: { action: string; ref: string; amount: number; approvedBy: string | null }[] }>('GET', `/audit?action=shift-variance`, { token: await tokenOf('manager') });
    assert.deepEqual(audit.body.items.filter((a) => a.ref === shiftId).map((a) => [a.amount, a.approvedBy]), [[6_000, manager.id]]);
    assert.deepEqual(approved.body.warnings.map((w) => w.code), ['SHIFT.SALES_WAITING']);

    const small = (await open(cashier, 100_000)).body.id; // within the threshold: the cashier closes alone
    const fine = await close(cashier, small, [{ value: 100_000, count: 1 }, { value: 5_000, count: 1 }]);
    assert.deepEqual([fine.status, fine.body.z.close?.variance], [201, 5_000]);
  });

  it('two opens at once at one till make one shift; the other is told which is open', async () => {
    const till = newRegisteredTill();
    const cashier = await tillToken('cashier', till);
    const replies = await Promise.all([open(cashier), open(cashier), open(cashier)]);
    assert.deepEqual(replies.map((r) => r.status).sort(), [201, 409, 409]);
    const winner = replies.find((r) => r.status === 201)?.body.id;
    assert.ok(replies.filter((r) => r.status === 409).every((r) => errorOf(r.body).code === 'SHIFT.ALREADY_OPEN' && errorOf(r.body).details?.shiftId === winner));
    const shiftId = randomUUID();
    const other = newRegisteredTill();
    const twice = await Promise.all([open(await tillToken('cashier', other), 50_000, shiftId), open(await tillToken('cashier', other), 50_000, shiftId)]);
    assert.deepEqual(twice.map((r) => r.status).sort(), [200, 201]);
    assert.equal((await open(await tillToken('cashier', other), 60_000, shiftId)).status, 422, 'the id with another float');
  });

  it('cash taken while the shift is closing is either in its count or on no shift: never on the shift and missing from its Z report', async () => {
    const till = newRegisteredTill();
    const cashier = await tillToken('cashier', till);
    const tea = await newProduct({ price: 10_000, onHand: 100 });
    const shiftId = (await open(cashier, 0)).body.id;
    const orders: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const made = await call<OrderBody>('POST', '/orders', { token: cashier, body: { outletId: till.outletId, tillId: till.code, lines: [{ productId: tea.id, quantity: 1 }] } });
      orders.push(made.body.id);
    }
    const pay = (id: string) => call('POST', `/orders/${id}/payments`, { token: cashier, body: { method: 'cash', tendered: 20_000 } });
    // A manager closes (the variance is theirs to accept) while the six are paid.
    const [closed] = await Promise.all([close(await tillToken('manager', till), shiftId, []), ...orders.map(pay)]);
    assert.equal(closed.status, 201, JSON.stringify(closed.body));
    const { rows } = await pool.query<{ received: number; n: number }>(
      "SELECT coalesce(sum(tendered), 0)::int AS received, count(*)::int AS n FROM tenders WHERE shift_id = $1 AND kind = 'cash' AND status = 'paid'", [shiftId]);
    assert.equal(closed.body.z.cash.received, rows[0]?.received, `${rows[0]?.n} tenders on the shift`);
    assert.equal(closed.body.z.sales.byMethod.find((m) => m.method === 'cash')?.count ?? 0, rows[0]?.n);
  });

  it('an offline sale made during a shift that closed before it arrived stays on that shift, flagged late, shown apart on the Z report', async () => {
    const till = newRegisteredTill();
    const cashier = await tillToken('cashier', till);
    const tea = await newProduct({ price: 10_000, onHand: 10 });
    const shiftId = (await open(cashier, 0)).body.id;
    const soldAt = new Date();
    assert.equal((await close(cashier, shiftId, [], 1)).status, 201);
    const late = await call<{ order: { shiftId: string | null }; flags: { code: string; shiftId?: string }[] }>('PUT', `/offline-sales/${randomUUID()}`, { token: cashier, body: offlineSale(till, tea, soldAt, 1) });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    assert.equal(late.body.order.shiftId, shiftId);
    assert.deepEqual(late.body.flags.filter((f) => f.code === 'SHIFT_CLOSED'), [{ code: 'SHIFT_CLOSED', shiftId }]);
    const z = await get<Report>(cashier, `/shifts/${shiftId}/z-report`);
    assert.deepEqual([z.body.cash.expected, z.body.close?.variance, z.body.late], [0, 0, { count: 1, total: 10_000, cash: 10_000 }]);
  });

  it('every shift route refuses a missing token, and the wrong caller: a cashier at another till, without a till, or for the managers\' list', async () => {
    const till = newRegisteredTill();
    const cashier = await tillToken('cashier', till);
    const shiftId = (await open(cashier)).body.id;
    const routes: [string, string, unknown?][] = [
      ['POST', '/shifts', { shiftId: randomUUID(), openingFloat: 0 }], ['GET', '/shifts/current'], ['GET', '/shifts'],
      ['POST', `/shifts/${shiftId}/cash-moves`, { moveId: randomUUID(), kind: 'in', amount: 1_000, reason: 'x' }],
      ['GET', `/shifts/${shiftId}/x-report`], ['GET', `/shifts/${shiftId}/x-report/text`],
      ['POST', `/shifts/${shiftId}/close`, { counted: [] }], ['GET', `/shifts/${shiftId}/z-report`], ['GET', `/shifts/${shiftId}/z-report/text`],
    ];
    const stranger = await tillToken('cashier', newRegisteredTill(), 'stranger');
    const noTill = await tokenOf('cashier');
    for (const [method, path, body] of routes) {
      assert.equal((await call(method, path, { body })).status, 401, `${method} ${path} without a token`);
      const wrong = path === '/shifts' && method === 'GET' ? cashier : path.startsWith(`/shifts/${shiftId}`) ? stranger : noTill;
      const reply = await call(method, path, { token: wrong, body });
      assert.equal(reply.status, 403, `${method} ${path} by the wrong caller: ${JSON.stringify(reply.body)}`);
    }
    assert.equal((await get<Report>(cashier, `/shifts/${shiftId}/x-report`)).status, 200, 'the shift is still open and its own till may read it');
  });
});

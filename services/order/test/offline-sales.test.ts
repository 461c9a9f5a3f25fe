// Sales a till made while offline, uploaded later (PUT /offline-sales/:id), against the real
// stack: the catalogue compares prices, inventory deducts the stock after the fact, the report
// counts the sale on the day it was made, and the user service's revocations (as Kafka events)
// shut a till out.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TillClaim } from '@pos/platform';
import { eventually, request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import { dayIn } from '../src/domain/shop-time.ts';
import { DEFAULT_TAX_RATES, includedTax, taxRuleFor } from '../src/domain/tax.ts';
import { call, errorOf, newProduct, newRegisteredTill, pool, publishTillRevoked, sagaDone, stockOf, tillToken, tokenOf, type TestProduct } from './support.ts';

const TIME_ZONE = 'Asia/Jakarta';

interface Flag { code: string; productId: string; unit?: string; tillPrice?: number; catalogPrice?: number }
interface Upload { order: Record<string, unknown> & { id: string; status: string; receiptNumber: string; total: number; paidAt: string; createdAt: string; tenders: Record<string, unknown>[] }; flags: Flag[] }

type Line = { product: TestProduct; quantity: number; unit?: string; unitPrice?: number };

let counter = 0;
/** A sale as a till records it: its lines at the catalogue's prices unless told otherwise, the PPN of
 * the rule of its day, cash from a round-up of the total unless other tenders are given. */
function saleBody(till: TillClaim, lines: Line[], options: { soldAt?: Date; receiptNumber?: string; tenders?: unknown[] } = {}) {
  const soldAt = options.soldAt ?? new Date();
  const rule = taxRuleFor(DEFAULT_TAX_RATES, dayIn(soldAt, TIME_ZONE), true);
  const tillLines = lines.map(({ product, quantity, unit = 'pcs', unitPrice = unit === 'dus' ? product.price * 10 : product.price }) =>
    ({ productId: product.id, unit, quantity, unitPrice, lineTotal: unitPrice * quantity, taxClass: 'standard' as const }));
  const total = tillLines.reduce((sum, line) => sum + line.lineTotal, 0);
  const tax = tillLines.reduce((sum, line) => sum + includedTax(line.lineTotal, line.taxClass, rule), 0);
  return {
    receiptNumber: options.receiptNumber ?? `${till.code}-${String(++counter).padStart(6, '0')}`,
    soldAt: soldAt.toISOString(), outletId: till.outletId, lines: tillLines, totals: { total, tax },
    tenders: options.tenders ?? [{ kind: 'cash', amount: total, tendered: Math.ceil(total / 50_000) * 50_000 }],
  };
}

const upload = (id: string, body: unknown, token?: string) => call<Upload>('PUT', `/offline-sales/${id}`, { ...(token && { token }), body });
const ordersWithId = async (id: string) => Number((await pool.query('SELECT count(*) FROM orders WHERE id = $1', [id])).rows[0].count);
const report = async (date: string) =>
  (await call<{ orders: number; total: number; offline: { count: number; late: number } }>('GET', `/reports/daily?date=${date}`, { token: await tokenOf('manager') })).body;

describe('sales made offline, uploaded later', function () {
  this.timeout(120_000);
  const till = newRegisteredTill();
  let cashier: string;
  before(async () => { cashier = await tillToken('cashier', till); });

  it('the first upload is taken as the paid sale it was: 201 with the till\'s receipt number and prices, paid when sold, its events, its stock deducted after the fact', async () => {
    const tea = await newProduct({ price: 3_500, onHand: 50 });
    const id = randomUUID();
    const soldAt = new Date(Date.now() - 60 * 60_000);
    const body = saleBody(till, [{ product: tea, quantity: 2 }, { product: tea, quantity: 1, unit: 'dus' }], {
      soldAt, tenders: [{ kind: 'cash', amount: 10_000, tendered: 20_000 }, { kind: 'external', amount: 32_000, reference: 'EDC-0042' }],
    });
    const reply = await upload(id, body, cashier);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const { order, flags } = reply.body;
    assert.deepEqual([order.id, order.status, order.receiptNumber, order.total, order.paidAt], [id, 'paid', body.receiptNumber, 42_000, soldAt.toISOString()]);
    assert.deepEqual([order.outletId, order.tillId, order.offline, flags], [till.outletId, till.id, { late: false }, []]);
    assert.ok(new Date(order.createdAt) > soldAt, 'created when it arrived');
    const tenders = order.tenders.map(({ kind, amount, tendered, change, externalId, status }) => ({ kind, amount, tendered, change, externalId, status }));
    assert.deepEqual(tenders.sort((a, b) => String(a.kind).localeCompare(String(b.kind))), [
      { kind: 'cash', amount: 10_000, tendered: 20_000, change: 10_000, externalId: null, status: 'paid' },
      { kind: 'external', amount: 32_000, tendered: null, change: null, externalId: 'EDC-0042', status: 'paid' },
    ]);
    assert.equal((order.taxes as { tax: number }[])[0]?.tax, body.totals.tax);
    const events = await pool.query('SELECT type FROM outbox WHERE partition_key = $1 ORDER BY seq', [id]);
    assert.deepEqual(events.rows.map((row) => row.type), ['pos.order.created.v1', 'pos.order.paid.v1']);
    await sagaDone(id, 'inventory.record-sale');
    assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 36, reserved: 0, available: 36 });
    const receipt = await call<{ receiptNumber: string; payments: { method: string }[] }>('GET', `/orders/${id}/receipt`, { token: cashier });
    assert.deepEqual([receipt.body.receiptNumber, receipt.body.payments.map((p) => p.method).sort()], [body.receiptNumber, ['cash', 'external']]);
  });

  it('the same id and body again answers 200 and the same order, also when the uploads race; the stock is deducted once', async () => {
    const tea = await newProduct({ onHand: 20 });
    const id = randomUUID();
    const body = saleBody(till, [{ product: tea, quantity: 3 }]);
    const replies = await Promise.all(Array.from({ length: 5 }, () => upload(id, body, cashier)));
    assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 200, 200, 200, 201], JSON.stringify(replies.map((reply) => reply.body)));
    for (const reply of replies) assert.deepEqual(reply.body.order, replies[0]?.body.order);
    const again = await upload(id, body, cashier);
    assert.deepEqual([again.status, again.body.order], [200, replies[0]?.body.order]);
    assert.equal(await ordersWithId(id), 1);
    await sagaDone(id, 'inventory.record-sale');
    assert.equal((await stockOf(tea.id))?.onHand, 17);
    const steps = await pool.query("SELECT count(*)::int AS n FROM saga_steps WHERE order_id = $1 AND action = 'inventory.record-sale'", [id]);
    assert.equal(steps.rows[0].n, 1);
  });

  it('the same id with another body is a 409; so is a receipt number of this till another sale already has', async () => {
    const tea = await newProduct({ onHand: 10 });
    const id = randomUUID();
    const body = saleBody(till, [{ product: tea, quantity: 1 }]);
    assert.equal((await upload(id, body, cashier)).status, 201);
    const other = await upload(id, saleBody(till, [{ product: tea, quantity: 2 }], { receiptNumber: body.receiptNumber }), cashier);
    assert.deepEqual([other.status, errorOf(other.body).code], [409, 'OFFLINE_SALE.CONFLICT']);
    const otherTill = newRegisteredTill();
    const fromElsewhere = await upload(id, { ...body, receiptNumber: `${otherTill.code}-000001` }, await tillToken('cashier', otherTill));
    assert.deepEqual([fromElsewhere.status, errorOf(fromElsewhere.body).code], [409, 'OFFLINE_SALE.CONFLICT']);
    const reused = await upload(randomUUID(), saleBody(till, [{ product: tea, quantity: 1 }], { receiptNumber: body.receiptNumber }), cashier);
    assert.deepEqual([reused.status, errorOf(reused.body).code, errorOf(reused.body).details], [409, 'OFFLINE_SALE.CONFLICT', { field: 'receiptNumber', orderId: id }]);
  });

  it('a sale that can never be taken is a 422 naming the field: an unknown product or unit, lines that do not add up, tenders short of the total', async () => {
    const tea = await newProduct({ onHand: 10 });
    const good = saleBody(till, [{ product: tea, quantity: 2 }]);
    const refusal = async (body: unknown) => {
      const id = randomUUID();
      const reply = await upload(id, body, cashier);
      assert.equal(await ordersWithId(id), 0);
      return [reply.status, errorOf(reply.body).code, (errorOf(reply.body).details as { field: string }).field];
    };
    const unknown = { ...good, lines: [{ ...good.lines[0], productId: `no-such-${randomUUID()}` }] };
    assert.deepEqual(await refusal(unknown), [422, 'OFFLINE_SALE.INVALID', 'lines']);
    assert.deepEqual(await refusal({ ...good, lines: [{ ...good.lines[0], unit: 'crate' }] }), [422, 'OFFLINE_SALE.INVALID', 'lines.0.unit']);
    assert.deepEqual(await refusal({ ...good, totals: { ...good.totals, total: good.totals.total + 1 } }), [422, 'OFFLINE_SALE.INVALID', 'totals.total']);
    assert.deepEqual(await refusal({ ...good, totals: { ...good.totals, tax: good.totals.tax + 1 } }), [422, 'OFFLINE_SALE.INVALID', 'totals.tax']);
    assert.deepEqual(await refusal({ ...good, tenders: [{ kind: 'cash', amount: good.totals.total - 1, tendered: 100_000 }] }), [422, 'OFFLINE_SALE.INVALID', 'tenders']);
    assert.deepEqual(await refusal({ ...good, tenders: [{ kind: 'cash', amount: good.totals.total, tendered: 1 }] }), [422, 'OFFLINE_SALE.INVALID', 'tenders.0.tendered']);
    assert.deepEqual(await refusal({ ...good, receiptNumber: 'OTHER-000001' }), [422, 'OFFLINE_SALE.INVALID', 'receiptNumber']);
  });

  it('a unit price other than the catalogue\'s is taken at the till\'s price and flagged PRICE_DIFFERS', async () => {
    const tea = await newProduct({ price: 4_000, onHand: 10 });
    const id = randomUUID();
    const reply = await upload(id, saleBody(till, [{ product: tea, quantity: 2, unitPrice: 3_500 }]), cashier);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(reply.body.order.total, 7_000);
    assert.deepEqual(reply.body.flags, [{ code: 'PRICE_DIFFERS', productId: tea.id, unit: 'pcs', tillPrice: 3_500, catalogPrice: 4_000 }]);
  });

  it('a sale of more than the shop had takes the stock below zero: flagged STOCK_NEGATIVE, listed at inventory, and seen by product-query', async () => {
    const tea = await newProduct({ price: 5_000, onHand: 1 });
    const id = randomUUID();
    const body = saleBody(till, [{ product: tea, quantity: 3 }]);
    assert.equal((await upload(id, body, cashier)).status, 201);
    await sagaDone(id, 'inventory.record-sale');
    assert.deepEqual((await upload(id, body, cashier)).body.flags, [{ code: 'STOCK_NEGATIVE', productId: tea.id }]);
    const negative = await request<{ items: { productId: string; onHand: number }[] }>('GET', `${service('inventory').url}/stock/negative?limit=200`, { token: await tokenOf('manager') });
    assert.deepEqual(negative.body.items.filter((item) => item.productId === tea.id).map((item) => item.onHand), [-2]);
    await eventually(async () => {
      const indexed = await request<{ onHand: number; available: number }>('GET', `${service('product-query').url}/products/${tea.id}`, { token: cashier });
      assert.deepEqual([indexed.body.onHand, indexed.body.available], [-2, -2]);
    }, { timeoutMs: 30_000 });
  });

  it('the daily report counts a sale on the day it was made, and as late when it arrived after that day', async () => {
    const tea = await newProduct({ price: 2_500, onHand: 100 });
    const day = `2025-06-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
    const late = await upload(randomUUID(), saleBody(till, [{ product: tea, quantity: 4 }], { soldAt: new Date(`${day}T10:00:00+07:00`) }), cashier);
    assert.deepEqual([late.status, late.body.order.offline], [201, { late: true }]);
    const thatDay = await report(day);
    assert.deepEqual([thatDay.orders, thatDay.total, thatDay.offline], [1, 10_000, { count: 1, late: 1 }]);
    const today = dayIn(new Date(), TIME_ZONE);
    const before = await report(today);
    assert.equal((await upload(randomUUID(), saleBody(till, [{ product: tea, quantity: 1 }]), cashier)).status, 201);
    const after = await report(today);
    assert.deepEqual([after.orders - before.orders, after.offline.count - before.offline.count, after.offline.late - before.offline.late], [1, 1, 0]);
  });

  it('once the user service revokes the till, every upload of its token is refused with 403 TILL.REVOKED, even a replay of a sale taken before', async () => {
    const doomed = newRegisteredTill();
    const token = await tillToken('cashier', doomed, 'doomed');
    const tea = await newProduct({ onHand: 10 });
    const id = randomUUID();
    const body = saleBody(doomed, [{ product: tea, quantity: 1 }]);
    assert.equal((await upload(id, body, token)).status, 201);
    await publishTillRevoked(doomed);
    await eventually(async () => {
      const replay = await upload(id, body, token);
      assert.deepEqual([replay.status, errorOf(replay.body).code], [403, 'TILL.REVOKED']);
    }, { timeoutMs: 30_000 });
    const fresh = await upload(randomUUID(), saleBody(doomed, [{ product: tea, quantity: 1 }]), token);
    assert.deepEqual([fresh.status, errorOf(fresh.body).code], [403, 'TILL.REVOKED']);
    assert.equal((await upload(randomUUID(), saleBody(till, [{ product: tea, quantity: 1 }]), cashier)).status, 201, 'another till goes on');
  });

  it('refuses with a clear 4xx: no token 401, a token of no till 403 TILL.REQUIRED, a cashier\'s report 403, a bad body 400 naming the field', async () => {
    const tea = await newProduct({ onHand: 10 });
    const body = saleBody(till, [{ product: tea, quantity: 1 }]);
    assert.equal((await upload(randomUUID(), body)).status, 401);
    const noTill = await upload(randomUUID(), body, await tokenOf('cashier'));
    assert.deepEqual([noTill.status, errorOf(noTill.body).code], [403, 'TILL.REQUIRED']);
    assert.equal((await call('GET', '/reports/daily', { token: cashier })).status, 403);
    const bad = await upload(randomUUID(), { ...body, lines: [{ ...body.lines[0], quantity: 0 }] }, cashier);
    assert.equal(bad.status, 400);
    assert.deepEqual((errorOf(bad.body).details as unknown as { field: string }[]).map((problem) => problem.field), ['body.lines.0.quantity']);
    const badId = await upload('not-a-uuid', body, cashier);
    assert.deepEqual([badId.status, (errorOf(badId.body).details as unknown as { field: string }[])[0]?.field], [400, 'params.id']);
  });
});

// The till's side of a tender: a retried request (same Idempotency-Key) adds nothing, and a
// charge Midtrans does not take leaves no pending tender holding the amount due.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@pos/platform';
import { request } from '@pos/platform/testing';
import { createMidtransGateway } from '../src/payments/midtrans-gateway.ts';
import type { OrderDeps } from '../src/use-cases/deps.ts';
import { takePayment } from '../src/use-cases/take-payment.ts';
import { getOrder, pay, SIMULATOR, serverKey } from './midtrans-support.ts';
import { call, checkout, errorOf, newProduct, pool, tokenOf } from './support.ts';

/** takePayment on the service's database with a gateway of the test's choosing. */
function depsWith(gateway: ReturnType<typeof createMidtransGateway>): OrderDeps {
  return { pool, kickSaga: () => undefined, midtrans: { gateway, serverKey } } as unknown as OrderDeps;
}
/** The default test cashier as the use cases see a caller. */
const cashier = async () => (await call<Principal>('GET', '/whoami', { token: await tokenOf('cashier') })).body;

describe('payment requests', () => {
  it('a partial cash payment retried with the same Idempotency-Key returns the first tender (200) and adds none; the key with another body is 422', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 3 });
    const order = (await checkout([{ productId: coffee.id, quantity: 2 }])).body;
    const key = { 'idempotency-key': randomUUID() };
    const first = await pay(order.id, { method: 'cash', tendered: 5_000 }, key);
    const retry = await pay(order.id, { method: 'cash', tendered: 5_000 }, key);
    assert.deepEqual([first.status, retry.status, retry.body.payment.id], [201, 200, first.body.payment.id]);
    const after = await getOrder(order.id);
    assert.deepEqual([after.tenders.length, after.due], [1, 15_000]);
    const other = await pay(order.id, { method: 'cash', tendered: 6_000 }, key);
    assert.deepEqual([other.status, errorOf(other.body).code], [422, 'ORDER.IDEMPOTENCY_MISMATCH']);
    assert.equal((await pay(order.id, { method: 'cash', tendered: 5_000 }, { 'idempotency-key': randomUUID() })).body.order.due, 10_000);
  });

  it('a QRIS charge retried with the same Idempotency-Key shows the same QR code and charges Midtrans once', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 3 });
    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const key = { 'idempotency-key': randomUUID() };
    const first = await pay(order.id, { method: 'qris' }, key);
    const retry = await pay(order.id, { method: 'qris' }, key);
    assert.deepEqual([first.status, retry.status, retry.body.payment.id, retry.body.charge], [201, 200, first.body.payment.id, first.body.charge]);
    assert.equal((await getOrder(order.id)).tenders.length, 1);
    // Midtrans' side: its one transaction for the tender was asked for once, the retry never reached it.
    const atMidtrans = await request<{ transaction: { gross_amount: string }; charge_requests: number }>('GET', `${SIMULATOR}/_simulator/transactions/${first.body.payment.id}`);
    assert.deepEqual([atMidtrans.status, atMidtrans.body.transaction.gross_amount, atMidtrans.body.charge_requests], [200, '10000.00', 1]);
  });

  it('a charge Midtrans cannot be reached for fails with 503 (DEPENDENCY.UNAVAILABLE) and cancels its tender, which Midtrans is then asked to cancel too; the amount is due again and a retry with the same Idempotency-Key charges anew', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 3 });
    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const deps = depsWith(createMidtransGateway({ serverKey, isProduction: false, baseUrl: 'http://127.0.0.1:9' }));
    const key = randomUUID();
    await assert.rejects(takePayment(deps, order.id, { method: 'qris' }, await cashier(), key), { code: 'DEPENDENCY.UNAVAILABLE', kind: 'unavailable' });
    const after = await getOrder(order.id);
    assert.deepEqual([after.status, after.due, after.tenders.map((t) => t.status)], ['pending', 10_000, ['cancelled']]);
    const { rows } = await pool.query('SELECT action FROM saga_steps WHERE tender_id = $1', [after.tenders[0]?.id]);
    assert.deepEqual(rows.map((row) => row.action), ['tender.cancel']);
    const retry = await pay(order.id, { method: 'qris' }, { 'idempotency-key': key }); // the till tries again, with the same key
    assert.deepEqual([retry.status, retry.body.payment.status, retry.body.charge?.kind], [201, 'pending', 'qris']);
  });

  it('a charge Midtrans refuses (a wrong server key: 401) fails with 502 PAYMENT.REJECTED, cancels its tender and owes Midtrans no cancel', async () => {
    const coffee = await newProduct({ price: 10_000, onHand: 3 });
    const order = (await checkout([{ productId: coffee.id, quantity: 1 }])).body;
    const deps = depsWith(createMidtransGateway({ serverKey: 'not-the-key', isProduction: false, baseUrl: SIMULATOR }));
    await assert.rejects(takePayment(deps, order.id, { method: 'qris' }, await cashier()), { code: 'PAYMENT.REJECTED', kind: 'dependency_failed' });
    const after = await getOrder(order.id);
    assert.deepEqual([after.due, after.tenders.map((t) => t.status)], [10_000, ['cancelled']]);
    const { rows } = await pool.query('SELECT action FROM saga_steps WHERE tender_id = $1', [after.tenders[0]?.id]);
    assert.deepEqual(rows, []);
    assert.equal((await request('GET', `${SIMULATOR}/_simulator/transactions/${after.tenders[0]?.id}/notifications`)).status, 404);
  });
});

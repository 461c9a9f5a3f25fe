// Manager approval at the till and the audit log, on the real stack: a cashier's refund, void and
// reprint are refused without a manager's approval and done with one (spent once), every such
// action is audited, and an audit row edited in the database (around its trigger) is found.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { localSecret, request } from '@pos/platform/testing';
import pg from 'pg';
import { service } from '../../../tests/support/stack.ts';
import { call, checkout, errorOf, newProduct, newTill, pool, sagaDone, tokenOf, type OrderBody } from './support.ts';

const USER_API = service('user').url;
const PIN = '2468';
const till = newTill();

interface AuditRow { seq: number; actorId: string; actorRole: string; action: string; ref: string; amount: number; approvedBy: string | null; detail: Record<string, unknown> }

/** A manager with a PIN: their email, id and token. */
async function managerWithPin() {
  const admin = (await request<{ accessToken: string }>('POST', `${USER_API}/auth/login`, { body: { email: localSecret('admin-email'), password: localSecret('admin-password') } })).body.accessToken;
  const email = `mgr-${randomUUID()}@order.test`;
  const password = `pw-${randomUUID()}`;
  const made = await request<{ id: string }>('POST', `${USER_API}/users`, { token: admin, body: { name: 'Mgr Ani', email, role: 'manager', password } });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const token = (await request<{ accessToken: string }>('POST', `${USER_API}/auth/login`, { body: { email, password } })).body.accessToken;
  assert.equal((await request('PUT', `${USER_API}/me/pin`, { token, body: { pin: PIN } })).status, 204);
  return { email, id: made.body.id, token };
}
let manager: Awaited<ReturnType<typeof managerWithPin>>;

/** The manager's approval, asked with the cashier's token. */
async function approval(cashier: string, action: string, ref: string, amount: number): Promise<string> {
  const reply = await request<{ approval: string }>('POST', `${USER_API}/approvals`, { token: cashier, body: { manager: manager.email, pin: PIN, action, ref, amount } });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return reply.body.approval;
}
const withApproval = (token: string | undefined) => (token ? { 'x-approval': token } : undefined);

async function cashSale(cashier: string, quantity: number, price = 10_000): Promise<OrderBody> {
  const tea = await newProduct({ price, onHand: quantity + 5 });
  const order = (await checkout([{ productId: tea.id, quantity }], { token: cashier, till })).body;
  const paid = await call<{ order: OrderBody }>('POST', `/orders/${order.id}/payments`, { token: cashier, body: { method: 'cash', tendered: quantity * price } });
  assert.equal(paid.body.order.status, 'paid');
  await sagaDone(order.id, 'inventory.commit');
  return paid.body.order;
}
const returnOf = (orderId: string, quantity: number, token: string, approvalToken?: string) => call<{ id: string; total: number }>('POST', '/returns', {
  token, headers: withApproval(approvalToken),
  body: { returnId: randomUUID(), orderId, ...till, lines: [{ lineNo: 1, quantity, reason: 'broken', disposition: 'damaged' }] },
});
const auditOf = async (query: string) => {
  const reply = await call<{ items: AuditRow[] }>('GET', `/audit?${query}`, { token: manager.token });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body.items;
};
const returnsOf = async (orderId: string) => Number((await pool.query('SELECT count(*) FROM returns WHERE order_id = $1', [orderId])).rows[0].count);

describe('manager approval and the audit log', function () {
  this.timeout(120_000);
  before(async () => { manager = await managerWithPin(); });

  it('a cashier\'s return is refused without an approval (403 APPROVAL.REQUIRED, saying what to ask for), then done with one, and audited with its approver', async () => {
    const cashier = await tokenOf('cashier', 'refunds');
    const order = await cashSale(cashier, 2);
    const refused = await returnOf(order.id, 1, cashier);
    assert.deepEqual([refused.status, errorOf(refused.body).code, errorOf(refused.body).details], [403, 'APPROVAL.REQUIRED', { action: 'refund', ref: order.id, amount: 10_000 }]);
    assert.equal(await returnsOf(order.id), 0);

    const done = await returnOf(order.id, 1, cashier, await approval(cashier, 'refund', order.id, 10_000));
    assert.equal(done.status, 201, JSON.stringify(done.body));
    const [entry] = await auditOf(`action=refund&actor=${encodeURIComponent((await whoami(cashier)).id)}`);
    assert.deepEqual(entry && { ref: entry.ref, amount: entry.amount, approvedBy: entry.approvedBy, role: entry.actorRole, returnId: entry.detail.returnId },
      { ref: order.id, amount: 10_000, approvedBy: manager.id, role: 'cashier', returnId: done.body.id });
  });

  it('an approval used twice is refused (409 APPROVAL.USED) and the second return is not made', async () => {
    const cashier = await tokenOf('cashier', 'twice');
    const order = await cashSale(cashier, 2);
    const once = await approval(cashier, 'refund', order.id, 10_000);
    assert.equal((await returnOf(order.id, 1, cashier, once)).status, 201);
    const again = await returnOf(order.id, 1, cashier, once);
    assert.deepEqual([again.status, errorOf(again.body).code], [409, 'APPROVAL.USED']);
    assert.equal(await returnsOf(order.id), 1);

    const reprint = await approval(cashier, 'reprint', order.id, 0);
    const racing = await Promise.all([1, 2].map(() => call('POST', `/orders/${order.id}/reprints`, { token: cashier, headers: withApproval(reprint) })));
    assert.deepEqual(racing.map((reply) => reply.status).sort(), [200, 409], 'one approval, two requests at once: one reprint');
  });

  it('an approval that does not fit is 403 APPROVAL.INVALID: for less money, another order, another cashier, or an access token in its place', async () => {
    const cashier = await tokenOf('cashier', 'misfit');
    const order = await cashSale(cashier, 2);
    const misfits = [
      await approval(cashier, 'refund', order.id, 9_999), await approval(cashier, 'refund', randomUUID(), 10_000),
      await approval(cashier, 'reprint', order.id, 10_000), await approval(await tokenOf('cashier', 'someone else'), 'refund', order.id, 10_000), cashier,
    ];
    for (const misfit of misfits) {
      const reply = await returnOf(order.id, 1, cashier, misfit);
      assert.deepEqual([reply.status, errorOf(reply.body).code], [403, 'APPROVAL.INVALID'], errorOf(reply.body).message);
    }
    assert.equal(await returnsOf(order.id), 0);
  });

  it('a manager returns without an approval, and is audited too (approvedBy null)', async () => {
    const cashier = await tokenOf('cashier', 'refunds');
    const order = await cashSale(cashier, 1, 7_000);
    assert.equal((await returnOf(order.id, 1, manager.token)).status, 201);
    const [entry] = await auditOf(`action=refund&actor=${manager.id}`);
    assert.deepEqual(entry && [entry.ref, entry.amount, entry.approvedBy, entry.actorRole], [order.id, 7_000, null, 'manager']);
  });

  it('cancelling an order cash was taken on is a void: a cashier needs approval void for the money taken; audited', async () => {
    const cashier = await tokenOf('cashier', 'voids');
    const tea = await newProduct({ price: 10_000, onHand: 5 });
    const order = (await checkout([{ productId: tea.id, quantity: 3 }], { token: cashier, till })).body;
    await call('POST', `/orders/${order.id}/payments`, { token: cashier, body: { method: 'cash', tendered: 12_000 } });
    const refused = await call('POST', `/orders/${order.id}/cancel`, { token: cashier });
    assert.deepEqual([refused.status, errorOf(refused.body).code, errorOf(refused.body).details?.amount], [403, 'APPROVAL.REQUIRED', 12_000]);
    const cancelled = await call('POST', `/orders/${order.id}/cancel`, { token: cashier, headers: withApproval(await approval(cashier, 'void', order.id, 12_000)) });
    assert.deepEqual([cancelled.status, cancelled.body.status], [200, 'cancelled']);
    const [entry] = await auditOf(`action=void&actor=${(await whoami(cashier)).id}`);
    assert.deepEqual(entry && [entry.ref, entry.amount, entry.approvedBy], [order.id, 12_000, manager.id]);
    const nothingTaken = (await checkout([{ productId: tea.id, quantity: 1 }], { token: cashier, till })).body;
    assert.equal((await call('POST', `/orders/${nothingTaken.id}/cancel`, { token: cashier })).status, 200, 'no money taken: no void, no approval');
  });

  it('a refund due is given back by a cashier with an approval for its amount', async () => {
    const cashier = await tokenOf('cashier', 'voids');
    const tea = await newProduct({ price: 4_000, onHand: 5 });
    const order = (await checkout([{ productId: tea.id, quantity: 2 }], { token: cashier, till })).body;
    await call('POST', `/orders/${order.id}/payments`, { token: cashier, body: { method: 'cash', tendered: 3_000 } });
    assert.equal((await call('POST', `/orders/${order.id}/cancel`, { token: manager.token })).status, 200);
    const { rows: [due] } = await pool.query<{ id: string }>('SELECT id FROM refunds WHERE order_id = $1', [order.id]);
    assert.ok(due);
    const pay = (approvalToken?: string) => call<{ status: string }>('POST', `/refunds-due/${due.id}/pay`, { token: cashier, headers: withApproval(approvalToken), body: { method: 'cash' } });
    const refused = await pay();
    assert.deepEqual([refused.status, errorOf(refused.body).code], [403, 'APPROVAL.REQUIRED']);
    const paid = await pay(await approval(cashier, 'refund', order.id, 3_000));
    assert.deepEqual([paid.status, paid.body.status], [200, 'paid']);
  });

  it('a reprint is marked as a copy and audited; a cashier needs approval reprint, a manager does not', async () => {
    const cashier = await tokenOf('cashier', 'reprints');
    const order = await cashSale(cashier, 1);
    const path = `/orders/${order.id}/reprints`;
    const refused = await call('POST', path, { token: cashier });
    assert.deepEqual([refused.status, errorOf(refused.body).code], [403, 'APPROVAL.REQUIRED']);
    const copy = await call<{ receipt: { copy: boolean; receiptNumber: string }; text: string }>('POST', path, { token: cashier, headers: withApproval(await approval(cashier, 'reprint', order.id, 0)) });
    assert.equal(copy.status, 200, JSON.stringify(copy.body));
    assert.deepEqual([copy.body.receipt.copy, copy.body.receipt.receiptNumber], [true, order.receiptNumber]);
    assert.match(copy.body.text, /SALINAN \/ COPY/);
    assert.equal((await call('POST', path, { token: manager.token })).status, 200);
    const entries = await auditOf('action=reprint');
    assert.deepEqual(entries.filter((e) => e.ref === order.id).map((e) => e.approvedBy), [null, manager.id]);
  });

  it('the new routes refuse a missing token (401) and the wrong role (403)', async () => {
    const cashier = await tokenOf('cashier');
    for (const path of ['/audit', '/audit/verify']) {
      assert.equal((await call('GET', path)).status, 401, path);
      assert.equal((await call('GET', path, { token: cashier })).status, 403, path);
    }
    assert.equal((await call('POST', `/orders/${randomUUID()}/reprints`)).status, 401);
    assert.equal((await call('POST', `/orders/${randomUUID()}/reprints`, { token: manager.token })).status, 404);
    const bad = await call('GET', '/audit?from=yesterday', { token: manager.token });
    assert.equal(bad.status, 400);
  });

  it('the app cannot change or delete an audit entry; one edited by the superuser around the trigger is found by /audit/verify', async () => {
    const verify = async () => (await call<{ ok: boolean; entries: number; firstBrokenSeq?: number }>('GET', '/audit/verify', { token: manager.token })).body;
    const cashier = await tokenOf('cashier', 'tamper');
    const order = await cashSale(cashier, 1, 5_000);
    assert.equal((await returnOf(order.id, 1, manager.token)).status, 201);
    // Appends at once take turns: the chain stays whole.
    await Promise.all([1, 2, 3, 4, 5, 6].map(async () => assert.equal((await call('POST', `/orders/${order.id}/reprints`, { token: manager.token })).status, 200)));
    const before = await verify();
    assert.equal(before.ok, true, JSON.stringify(before));
    const [entry] = await auditOf(`actor=${manager.id}&action=refund`);
    assert.ok(entry && entry.ref === order.id);

    // The service's own role: the trigger refuses.
    await assert.rejects(pool.query('UPDATE audit_log SET amount = 1 WHERE seq = $1', [entry.seq]), /append-only/);
    await assert.rejects(pool.query('DELETE FROM audit_log WHERE seq = $1', [entry.seq]), /append-only/);

    const superuser = new URL(localSecret('postgres-url'));
    superuser.pathname = new URL(localSecret('order-db-url')).pathname;
    const client = new pg.Client({ connectionString: superuser.toString() });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica'); // triggers do not fire
      await client.query('UPDATE audit_log SET amount = 1 WHERE seq = $1', [entry.seq]);
      assert.deepEqual(await verify(), { ok: false, entries: entry.seq - 1, firstBrokenSeq: entry.seq });
      await client.query('UPDATE audit_log SET amount = $2 WHERE seq = $1', [entry.seq, entry.amount]); // as it was, for the tests after
      assert.equal((await verify()).ok, true);
    } finally {
      await client.end();
    }
  });
});

async function whoami(token: string): Promise<{ id: string }> {
  return (await call<{ id: string }>('GET', '/whoami', { token })).body;
}

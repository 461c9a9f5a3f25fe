// A scale label priced over LABEL_PRICE_CEILING (Rp 5 000 000 on the stack): a cashier's
// checkout needs a manager's price-override approval for the label's price, a manager's goes
// through, both audited; a sale made offline with one is taken and flagged.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import { call, checkout, errorOf, newRegisteredTill, newWeighedProduct, pool, stockOf, tillToken, tokenOf, weightLabel } from './support.ts';

const USER_API = service('user').url;
type Audit = { items: { action: string; ref: string; amount: number; approvedBy: string | null }[] };
const auditOf = async (orderId: string) =>
  (await call<Audit>('GET', '/audit?action=price-override', { token: await tokenOf('manager') })).body.items.filter((entry) => entry.ref === orderId);

describe('a scale label over the price ceiling', function () {
  this.timeout(120_000);
  // Saffron at Rp 100 000 000 a kg: a 60 g label costs 6 000 000, over the ceiling; 50 g is at it.
  let saffron: { id: string; plu: string };
  before(async () => { saffron = await newWeighedProduct({ pricePerKg: 100_000_000, onHand: 10_000 }); });

  it('a cashier\'s checkout is refused with 403 APPROVAL.REQUIRED for the label\'s price and holds nothing; with a manager\'s approval it goes through, audited', async function () {
    const email = `mgr-${randomUUID()}@order.test`;
    const password = `pw-${randomUUID()}`;
    assert.equal((await request('POST', `${USER_API}/users`, { token: await tokenOf('admin'), body: { name: 'Mgr Budi', email, role: 'manager', password } })).status, 201);
    const manager = (await request<{ accessToken: string }>('POST', `${USER_API}/auth/login`, { body: { email, password } })).body.accessToken;
    assert.equal((await request('PUT', `${USER_API}/me/pin`, { token: manager, body: { pin: '1357' } })).status, 204);

    const cashier = await tokenOf('cashier');
    const orderId = randomUUID();
    const lines = [{ barcode: weightLabel(saffron.plu, 60) }];
    const refused = await checkout(lines, { token: cashier, orderId });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.deepEqual([errorOf(refused.body).code, errorOf(refused.body).details], ['APPROVAL.REQUIRED', { action: 'price-override', ref: orderId, amount: 6_000_000 }]);
    assert.equal(Number((await pool.query('SELECT count(*) FROM orders WHERE id = $1', [orderId])).rows[0].count), 0);
    assert.equal((await stockOf(saffron.id))?.reserved, 0);

    const atCeiling = await checkout([{ barcode: weightLabel(saffron.plu, 50) }], { token: cashier });
    assert.deepEqual([atCeiling.status, atCeiling.body.total], [201, 5_000_000]);

    const asked = await request<{ approval: string }>('POST', `${USER_API}/approvals`,
      { token: cashier, body: { manager: email, pin: '1357', action: 'price-override', ref: orderId, amount: 6_000_000 } });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const approved = await checkout(lines, { token: cashier, orderId, headers: { 'x-approval': asked.body.approval } });
    assert.deepEqual([approved.status, approved.body.total], [201, 6_000_000], JSON.stringify(approved.body));
    const [entry] = await auditOf(orderId);
    assert.deepEqual([entry?.amount, typeof entry?.approvedBy], [6_000_000, 'string']);
  });

  it('a manager\'s checkout with such a label goes through, audited without an approver', async () => {
    const orderId = randomUUID();
    const made = await checkout([{ barcode: weightLabel(saffron.plu, 60) }], { token: await tokenOf('manager'), orderId });
    assert.deepEqual([made.status, made.body.total], [201, 6_000_000], JSON.stringify(made.body));
    assert.deepEqual((await auditOf(orderId)).map((entry) => [entry.amount, entry.approvedBy]), [[6_000_000, null]]);
  });

  it('a cashier\'s sale made offline with such a label is taken and flagged for the back office', async () => {
    const till = newRegisteredTill();
    const body = {
      receiptNumber: `${till.code}-000001`, soldAt: new Date().toISOString(), outletId: till.outletId,
      lines: [{ productId: saffron.id, unit: 'kg', quantity: 60, unitPrice: 100_000_000, lineTotal: 6_000_000, taxClass: 'exempt' }],
      totals: { total: 6_000_000, tax: 0 }, tenders: [{ kind: 'cash', amount: 6_000_000, tendered: 6_000_000 }],
    };
    const saleId = randomUUID();
    const token = await tillToken('cashier', till);
    const upload = () => call<{ order: { id: string }; flags: unknown[] }>('PUT', `/offline-sales/${saleId}`, { token, body });
    const reply = await upload();
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const flag = { code: 'LABEL_PRICE_BEYOND_CEILING', productId: saffron.id, amount: 6_000_000 };
    assert.deepEqual(reply.body.flags, [flag]);
    // Kept with the order: the same upload again answers it with the flag.
    const again = await upload();
    assert.deepEqual([again.status, again.body.order.id, again.body.flags.filter((f) => (f as { code: string }).code === flag.code)], [200, saleId, [flag]]);
  });
});

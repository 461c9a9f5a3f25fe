// The pure rules of refunds: what an order that ends unpaid owes back, and how a refund due is given back.
import assert from 'node:assert/strict';
import { afterMidtrans, payOut, refundDue, tendersOwedBack } from '../../src/domain/refunds.ts';
import type { Tender } from '../../src/domain/tenders.ts';

const now = new Date('2026-11-26T10:00:00Z');
const tender = (changes: Partial<Tender>): Tender =>
  ({ id: 't', kind: 'cash', amount: 10_000, status: 'paid', tendered: 10_000, change: 0, externalId: null, refundDue: false, ...changes });

describe('refund rules', () => {
  it('an order that ends unpaid owes back each paid tender not owed already; pending and cancelled ones took no money', () => {
    const tenders = [tender({ id: 'cash' }), tender({ id: 'late', kind: 'qris', refundDue: true }), tender({ id: 'waiting', kind: 'qris', status: 'pending' }), tender({ id: 'gone', status: 'cancelled' })];
    assert.deepEqual(tendersOwedBack(tenders).map((t) => t.id), ['cash']);
  });

  it('a refund due goes back in cash at once, or to QRIS and Snap through Midtrans (pending); a refund no longer due is left as it is', () => {
    const cash = refundDue('r1', 'o', tender({}), now);
    assert.deepEqual([cash.method, cash.status, cash.amount], ['cash', 'due', 10_000]);
    const paid = payOut(cash, { kind: 'cash' }, 'original', 'manager-1', now);
    assert.ok(paid !== 'unchanged');
    assert.deepEqual([paid.status, paid.paidAt, paid.paidBy], ['paid', now, 'manager-1']);
    assert.equal(payOut(paid, { kind: 'cash' }, 'cash', 'manager-2', now), 'unchanged');

    const qris = refundDue('r2', 'o', tender({ kind: 'qris', tendered: null, change: null }), now);
    const asked = payOut(qris, { kind: 'qris' }, 'original', 'manager-1', now);
    assert.ok(asked !== 'unchanged');
    assert.deepEqual([asked.method, asked.status, asked.paidAt], ['qris', 'pending', null]);
    const inCash = payOut(qris, { kind: 'qris' }, 'cash', 'manager-1', now);
    assert.ok(inCash !== 'unchanged' && inCash.method === 'cash' && inCash.status === 'paid');
  });

  it('Midtrans refunding makes a pending refund paid; refusing it makes it due again, to give back in cash; anything but pending is left alone', () => {
    const pending = { ...refundDue('r', 'o', tender({ kind: 'qris' }), now), method: 'qris' as const, status: 'pending' as const };
    const refunded = afterMidtrans(pending, { refunded: true, externalId: '42' }, now);
    assert.ok(refunded !== 'unchanged' && refunded.status === 'paid' && refunded.externalId === '42');
    const refused = afterMidtrans(pending, { refunded: false }, now);
    assert.ok(refused !== 'unchanged' && refused.status === 'due' && refused.method === 'cash');
    assert.equal(afterMidtrans(refunded, { refunded: false }, now), 'unchanged');
  });
});

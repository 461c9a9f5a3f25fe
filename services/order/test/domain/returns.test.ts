// The pure rules of returns: what may come back, what it is worth, and where the money goes.
import assert from 'node:assert/strict';
import type { Order } from '../../src/domain/order.ts';
import type { OrderReturn } from '../../src/domain/order-return.ts';
import type { Refund } from '../../src/domain/refunds.ts';
import { allocateRefund, checkReturnable, returnLines } from '../../src/domain/returns.ts';
import type { Tender } from '../../src/domain/tenders.ts';

const paidAt = new Date('2026-11-01T10:00:00Z');
const line = { lineNo: 1, productId: 'p', sku: 's', name: 'Beras', unit: 'kg', quantity: 3, baseQuantity: 3, unitPrice: 3_333, amount: 10_000, taxClass: 'standard' as const, tax: 991 };
const order = { id: 'o', status: 'paid', paidAt, lines: [line, { ...line, lineNo: 2, quantity: 1, baseQuantity: 12, amount: 50_000, tax: 4_955 }] } as unknown as Order;
const returned = (quantity: number): OrderReturn => ({ lines: [{ ...line, quantity }] }) as unknown as OrderReturn;
const tender = (id: string, kind: Tender['kind'], amount: number): Tender =>
  ({ id, kind, amount, status: 'paid', tendered: null, change: null, externalId: null, refundDue: false });

describe('return rules', () => {
  it('a line returned bit by bit gives back its amount and PPN to the Rupiah, each part rounded half up', () => {
    const parts = [1, 1, 1].map((quantity, i) => returnLines(order, [returned(i)], [{ lineNo: 1, quantity, reason: 'r', disposition: 'restock' }])[0]);
    assert.deepEqual(parts.map((p) => p?.amount), [3_333, 3_334, 3_333]);
    assert.equal(parts.reduce((sum, p) => sum + (p?.tax ?? 0), 0), 991);
    assert.equal(parts.reduce((sum, p) => sum + (p?.amount ?? 0), 0), 10_000);
  });

  it('a part of a scale label\'s line (its grams as quantity) is worth its share exactly, past 2^53 in between', () => {
    const label = { ...line, quantity: 655_405_035, baseQuantity: 655_405_035, amount: 9_168_436_425_289, tax: 0 };
    const sold = { ...order, lines: [label] } as unknown as Order;
    const first = returnLines(sold, [], [{ lineNo: 1, quantity: 559_131_801, reason: 'r', disposition: 'restock' }])[0];
    // 9 168 436 425 289 × 559 131 801 / 655 405 035 = 7 821 673 769 756.44…: a double makes it …757.
    assert.equal(first?.amount, 7_821_673_769_756);
    const earlier = { lines: [{ ...label, quantity: 559_131_801 }] } as unknown as OrderReturn;
    const rest = returnLines(sold, [earlier], [{ lineNo: 1, quantity: 655_405_035 - 559_131_801, reason: 'r', disposition: 'restock' }])[0];
    assert.equal((first?.amount ?? 0) + (rest?.amount ?? 0), label.amount);
  });

  it('more than is left of a line is a 409 naming the field; a line the order has not, or one named twice, a 422', () => {
    assert.throws(() => returnLines(order, [returned(2)], [{ lineNo: 1, quantity: 2, reason: 'r', disposition: 'restock' }]),
      { code: 'RETURN.MORE_THAN_SOLD', details: { field: 'lines.0.quantity', lineNo: 1, sold: 3, returned: 2, requested: 2 } });
    assert.throws(() => returnLines(order, [], [{ lineNo: 3, quantity: 1, reason: 'r', disposition: 'restock' }]), { code: 'RETURN.LINE_UNKNOWN' });
    assert.throws(() => returnLines(order, [], [{ lineNo: 1, quantity: 1, reason: 'r', disposition: 'restock' }, { lineNo: 1, quantity: 1, reason: 'r', disposition: 'damaged' }]),
      { code: 'RETURN.LINE_TWICE', details: { field: 'lines.1.lineNo' } });
  });

  it('goods may come back for the return period after payment, and only from a paid order', () => {
    checkReturnable(order, new Date('2026-12-01T10:00:00Z'), 30);
    assert.throws(() => checkReturnable(order, new Date('2026-12-01T10:00:01Z'), 30), { code: 'RETURN.PERIOD_OVER' });
    assert.throws(() => checkReturnable({ ...order, status: 'cancelled', paidAt: null }, paidAt, 30), { code: 'RETURN.ORDER_NOT_PAID' });
  });

  it('the money goes back to the latest tender first, never more from one than it paid less what it gave back before; or all in cash', () => {
    const tenders = [tender('cash', 'cash', 20_000), tender('qris', 'qris', 30_000), { ...tender('late', 'qris', 5_000), refundDue: true }];
    assert.deepEqual(allocateRefund(35_000, tenders, [], 'original').map((p) => [p.tender.id, p.amount, p.method]), [['qris', 30_000, 'qris'], ['cash', 5_000, 'cash']]);
    const earlier = [{ tenderId: 'qris', cause: 'return', amount: 25_000 } as Refund];
    assert.deepEqual(allocateRefund(10_000, tenders, earlier, 'original').map((p) => [p.tender.id, p.amount]), [['qris', 5_000], ['cash', 5_000]]);
    assert.deepEqual(allocateRefund(10_000, tenders, [], 'cash').map((p) => [p.tender.id, p.method]), [['qris', 'cash']]);
    assert.deepEqual(allocateRefund(1_000, [tender('edc', 'external', 1_000)], [], 'original').map((p) => p.method), ['cash']);
  });
});

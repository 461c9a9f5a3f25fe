import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BANKNOTES, changeDue, isPaidInFull, payCash, payElsewhere, quickCashAmounts, remainingDue, TenderError, tenderOptions } from '../../web/kit/tenders.ts';

const refusal = (code: string) => (error: unknown) => error instanceof TenderError && error.code === code;

describe('till tenders', () => {
  it('cash above the total pays the total; the rest is change', () => {
    const tenders = payCash(37_500, [], 50_000);
    assert.deepEqual(tenders, [{ kind: 'cash', amount: 37_500, tendered: 50_000 }]);
    assert.equal(changeDue(tenders), 12_500);
    assert.equal(isPaidInFull(37_500, tenders), true);
  });

  it('several tenders on one sale: each pays towards what is still due', () => {
    let tenders = payElsewhere(100_000, [], 60_000, ' EDC 123456 ');
    assert.equal(remainingDue(100_000, tenders), 40_000);
    tenders = payCash(100_000, tenders, 20_000);
    assert.deepEqual([remainingDue(100_000, tenders), isPaidInFull(100_000, tenders), changeDue(tenders)], [20_000, false, 0]);
    tenders = payCash(100_000, tenders, 50_000);
    assert.deepEqual(tenders, [
      { kind: 'external', amount: 60_000, reference: 'EDC 123456' },
      { kind: 'cash', amount: 20_000, tendered: 20_000 },
      { kind: 'cash', amount: 20_000, tendered: 50_000 },
    ]);
    assert.deepEqual([remainingDue(100_000, tenders), changeDue(tenders)], [0, 30_000]);
  });

  it('paid elsewhere takes all that is due unless told less, and never more (no change from a card)', () => {
    assert.deepEqual(payElsewhere(25_000, []), [{ kind: 'external', amount: 25_000 }]);
    assert.throws(() => payElsewhere(25_000, [], 30_000), refusal('OVER_DUE'));
  });

  it('nothing more is taken once the sale is paid, and no amount of 0, below, or with a fraction', () => {
    const tenders = payCash(10_000, [], 10_000);
    assert.throws(() => payCash(10_000, tenders, 5_000), refusal('NOTHING_DUE'));
    assert.throws(() => payElsewhere(10_000, tenders), refusal('NOTHING_DUE'));
    for (const bad of [0, -5_000, 2.5]) assert.throws(() => payCash(10_000, [], bad), refusal('AMOUNT_INVALID'), String(bad));
  });

  it('quick cash offers, per banknote, the least sum of it above the total', () => {
    assert.deepEqual(quickCashAmounts(12_500), [13_000, 14_000, 15_000, 20_000, 50_000, 100_000]);
    assert.deepEqual(quickCashAmounts(123_400), [124_000, 125_000, 130_000, 140_000, 150_000, 200_000]);
    assert.deepEqual(quickCashAmounts(50_000), [60_000, 100_000]); // 50 000 itself is the exact-amount button
    assert.deepEqual(quickCashAmounts(0), []);
  });

  it('every quick-cash amount covers the total, is a whole number of one banknote, and none is skipped', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), (due) => {
      const amounts = quickCashAmounts(due);
      for (const amount of amounts) assert.ok(amount > due && BANKNOTES.some((note) => amount % note === 0 && amount - note < due));
      for (const note of BANKNOTES) {
        const least = Math.ceil(due / note) * note;
        if (least > due) assert.ok(amounts.includes(least));
      }
      assert.deepEqual(amounts, [...amounts].sort((a, b) => a - b));
    }));
  });

  it('offline, cash and paid elsewhere are offered; QRIS and Snap are not, each saying why', () => {
    assert.deepEqual(tenderOptions(false).filter((o) => o.available).map((o) => o.kind), ['cash', 'external']);
    assert.deepEqual(tenderOptions(false).filter((o) => !o.available).map((o) => [o.kind, o.unavailableReason]),
      [['qris', 'tender.qrisNeedsNetwork'], ['snap', 'tender.snapNeedsNetwork']]);
    assert.equal(tenderOptions(true).every((o) => o.available), true);
  });
});

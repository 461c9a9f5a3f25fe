// The pure rules of discounts: rounding, spreading an order discount, the bounds, the cashier's
// limit, and PPN on the discounted price. No stack needed.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyDiscount, beyondLimit, discountLines, percentOf, spread } from '../../src/domain/discounts.ts';
import { priceLines, type CatalogueProduct } from '../../src/domain/pricing.ts';
import { DEFAULT_TAX_RATES, includedTax, taxRuleFor } from '../../src/domain/tax.ts';

const rule = taxRuleFor(DEFAULT_TAX_RATES, '2026-03-02', true);
const refused = (field: string) => (error: unknown): true => {
  const { code, details } = error as { code: string; details: { field: string } };
  assert.deepEqual([code, details.field], ['ORDER.DISCOUNT_INVALID', field]);
  return true;
};
const discount = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((percent) => ({ percent })),
  fc.integer({ min: 0, max: 2_000_000 }).map((amount) => ({ amount })),
);

describe('discounts', () => {
  it('a percent is rounded half up to a whole Rupiah; an amount is taken as it is', () => {
    assert.equal(percentOf(3_333, 10), 333); // 333.3
    assert.equal(percentOf(3_335, 10), 334); // 333.5 rounds up
    assert.deepEqual(applyDiscount({ percent: 15 }, 9_990, 'd'), { kind: 'percent', value: 15, amount: 1_499, reason: null }); // 1 498.5
    assert.deepEqual(applyDiscount({ amount: 500, reason: 'dented tin' }, 9_990, 'd'), { kind: 'amount', value: 500, amount: 500, reason: 'dented tin' });
  });

  it('a percent is 0 to 100 and an amount at most what it is taken from, so nothing goes below zero', () => {
    assert.throws(() => applyDiscount({ percent: 101 }, 1_000, 'lines.0.discount'), refused('lines.0.discount'));
    assert.throws(() => applyDiscount({ percent: -1 }, 1_000, 'd'), refused('d'));
    assert.throws(() => applyDiscount({ percent: 2.5 }, 1_000, 'd'), refused('d'));
    assert.throws(() => applyDiscount({ amount: 1_001 }, 1_000, 'd'), refused('d'));
    assert.throws(() => applyDiscount({ amount: -5 }, 1_000, 'd'), refused('d'));
    assert.equal(applyDiscount({ percent: 100 }, 1_000, 'd').amount, 1_000);
    // The order discount is bounded by the lines after their own discounts.
    assert.throws(() => discountLines([{ listAmount: 1_000, discount: { amount: 600 } }], { amount: 401 }), refused('discount'));
    assert.equal(discountLines([{ listAmount: 1_000, discount: { amount: 600 } }], { amount: 400 }).total, 0);
  });

  it('an order discount is spread by largest remainder: the shares add up to it exactly, the earlier line first on a tie', () => {
    assert.deepEqual(spread(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(spread(10, [3, 7]), [3, 7]);
    assert.deepEqual(spread(5, [0, 10, 0]), [0, 5, 0]);
    assert.deepEqual(spread(0, [4, 5]), [0, 0]);
    // 1 000 over 3 000 / 6 000 / 1 000 is 333.3 / 666.6 / 111.1 (floors 333, 666, 111; the Rupiah
    // left goes to the largest fraction, the second line).
    assert.deepEqual(spread(1_111, [3_000, 6_000, 1_000]), [333, 667, 111]);
  });

  it('whatever the discounts, every line is ≥ 0, no share is more than its line, and the lines add up to the total', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ listAmount: fc.integer({ min: 0, max: 2_000_000 }), discount: fc.option(discount, { nil: undefined }) }), { minLength: 1, maxLength: 12 }),
      fc.option(discount, { nil: undefined }),
      (lines, orderDiscount) => {
        let result;
        try {
          result = discountLines(lines, orderDiscount);
        } catch (error) {
          assert.equal((error as { code: string }).code, 'ORDER.DISCOUNT_INVALID'); // an amount beyond what it is taken from
          return;
        }
        const sum = result.lines.reduce((all, line) => all + line.amount, 0);
        assert.equal(sum, result.total);
        assert.equal(result.lines.reduce((all, line) => all + line.orderDiscountShare, 0), result.orderDiscount?.amount ?? 0);
        for (const line of result.lines) {
          assert.ok(line.amount >= 0 && line.amount === line.listAmount - (line.discount?.amount ?? 0) - line.orderDiscountShare);
        }
      },
    ), { numRuns: 500 });
  });

  it('PPN is computed on what each line comes to after its discounts, and the classes add up to the total', () => {
    const catalogue = new Map<string, CatalogueProduct>([
      ['tea', { id: 'tea', sku: 'TEA', name: 'Teh', taxClass: 'standard', active: true, units: [{ name: 'pcs', conversion: 1, price: 3_500 }] }],
      ['rice', { id: 'rice', sku: 'RICE', name: 'Beras', taxClass: 'exempt', active: true, units: [{ name: 'pcs', conversion: 1, price: 15_000 }] }],
    ]);
    // Tea 4 × 3 500 = 14 000 less 10 % = 12 600; rice 15 000; order discount 2 760 (10 % of 27 600) spread 1 260 / 1 500, as 12 600 : 15 000.
    const priced = priceLines([{ productId: 'tea', quantity: 4, discount: { percent: 10 } }, { productId: 'rice', quantity: 1 }], catalogue, rule, { amount: 2_760 });
    assert.deepEqual(priced.lines.map((l) => [l.listAmount, l.discount?.amount ?? 0, l.orderDiscountShare, l.amount]), [[14_000, 1_400, 1_260, 11_340], [15_000, 0, 1_500, 13_500]]);
    assert.equal(priced.total, 24_840);
    assert.equal(priced.lines[0]?.tax, includedTax(11_340, 'standard', rule)); // 1 124, not the 1 387 of 14 000
    assert.equal(priced.lines[1]?.tax, 0);
    assert.equal(priced.taxes.reduce((sum, t) => sum + t.gross, 0), priced.total);
    assert.deepEqual(priced.discount, { kind: 'amount', value: 2_760, amount: 2_760, reason: null });
  });

  describe('the cashier\'s limit', () => {
    const lines = (...given: [number, Parameters<typeof applyDiscount>[0] | undefined][]) => given.map(([listAmount, d]) => ({ listAmount, discount: d }));

    it('up to the limit on each line and on the whole order needs no approval', () => {
      assert.equal(beyondLimit(discountLines(lines([10_000, { percent: 10 }], [5_000, undefined]), undefined).lines, 10), null);
      assert.equal(beyondLimit(discountLines(lines([10_000, undefined]), { percent: 10 }).lines, 10), null);
      assert.equal(beyondLimit(discountLines(lines([10_000, undefined]), undefined).lines, 0), null);
    });

    it('a line beyond it, or all the discounts together beyond it, needs an approval for every discount of the order', () => {
      // One line at 50 % is beyond, though the order in all is within 10 %.
      assert.deepEqual(beyondLimit(discountLines(lines([1_000, { percent: 50 }], [99_000, undefined]), undefined).lines, 10), { action: 'discount', amount: 500 });
      // 10 % on a line and 5 % on the order: 1 450 of 10 000, beyond 10 % in all.
      assert.deepEqual(beyondLimit(discountLines(lines([10_000, { percent: 10 }]), { percent: 5 }).lines, 10), { action: 'discount', amount: 1_450 });
    });

    it('a price override beyond the limit needs the price-override approval', () => {
      assert.deepEqual(beyondLimit(discountLines(lines([8_000, { amount: 2_000, reason: 'price match' }]), undefined).lines, 10), { action: 'price-override', amount: 2_000 });
      // An override within the limit beside a plain discount beyond it: the discount's approval.
      assert.deepEqual(beyondLimit(discountLines(lines([8_000, { amount: 100, reason: 'label' }], [1_000, { percent: 50 }]), undefined).lines, 10), { action: 'discount', amount: 600 });
    });
  });
});

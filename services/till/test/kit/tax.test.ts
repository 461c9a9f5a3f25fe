import assert from 'node:assert/strict';
import { DEFAULT_TAX_RATES, shopDay, taxInside, taxRuleOn, totalsByClass, type TaxRates } from '../../web/kit/tax.ts';

const rule = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', true);

describe('till tax: PPN inside shelf prices', () => {
  it('ordinary goods carry 11% of their base: 11 100 holds 1 100 PPN on a base of 10 000', () => {
    assert.equal(taxInside(11_100, 'standard', rule), 1_100);
    assert.equal(taxInside(12_500, 'standard', rule), 1_239); // 1 238.74 rounded
  });

  it('luxury goods carry the full 12%: 11 200 holds 1 200', () => {
    assert.equal(taxInside(11_200, 'luxury', rule), 1_200);
  });

  it('exempt goods carry none', () => {
    assert.equal(taxInside(11_100, 'exempt', rule), 0);
  });

  it('a line\'s PPN is rounded half up to the Rupiah, not to even: 42 luxury holds 4.5, so 5', () => {
    assert.equal(taxInside(42, 'luxury', rule), 5);
    assert.equal(taxInside(14, 'luxury', rule), 2);
    assert.equal(taxInside(41, 'luxury', rule), 4); // 4.39
  });

  it('a shop not registered for VAT charges none', () => {
    const none = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', false);
    assert.equal(taxInside(11_100, 'standard', none), 0);
    assert.equal(taxInside(11_200, 'luxury', none), 0);
  });

  it('the rates in force on a day are the latest set starting on or before it; none before the first', () => {
    const rates: TaxRates[] = [
      { effectiveFrom: '2026-01-01', ratePercent: 15, baseFraction: { standard: [1, 1], luxury: [1, 1] } },
      { effectiveFrom: '2025-01-01', ratePercent: 12, baseFraction: { standard: [11, 12], luxury: [1, 1] } },
    ];
    assert.equal(taxRuleOn(rates, '2025-12-31', true).ratePercent, 12);
    assert.equal(taxRuleOn(rates, '2026-01-01', true).ratePercent, 15);
    assert.equal(taxInside(11_500, 'standard', taxRuleOn(rates, '2026-01-01', true)), 1_500);
    const before = taxRuleOn(rates, '2024-12-31', true);
    assert.equal(before.effectiveFrom, null);
    assert.equal(taxInside(11_100, 'standard', before), 0);
  });

  it('a sale\'s day is the shop\'s: 00:30 in Jakarta on New Year\'s Day is 2025 though UTC is still in 2024', () => {
    assert.equal(shopDay(new Date('2024-12-31T17:30:00Z'), 'Asia/Jakarta'), '2025-01-01');
    assert.equal(shopDay(new Date('2024-12-31T17:30:00Z'), 'UTC'), '2024-12-31');
  });

  it('per class, bases and PPN add up to what the lines cost; classes without lines are left out', () => {
    const lines = [
      { taxClass: 'exempt' as const, amount: 14_000, tax: 0 },
      { taxClass: 'standard' as const, amount: 12_500, tax: 1_239 },
      { taxClass: 'standard' as const, amount: 11_100, tax: 1_100 },
    ];
    assert.deepEqual(totalsByClass(lines), [
      { taxClass: 'standard', base: 21_261, tax: 2_339, gross: 23_600 },
      { taxClass: 'exempt', base: 14_000, tax: 0, gross: 14_000 },
    ]);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatAmount, formatRupiah, MAX_KEYED_AMOUNT, parseRupiah } from '../../web/kit/money.ts';

describe('till money: whole Rupiah written and read as id-ID does', () => {
  it('amounts are grouped by thousands with dots, "Rp " in front', () => {
    assert.equal(formatRupiah(12500), 'Rp 12.500');
    assert.equal(formatRupiah(0), 'Rp 0');
    assert.equal(formatRupiah(999), 'Rp 999');
    assert.equal(formatRupiah(1000), 'Rp 1.000');
    assert.equal(formatRupiah(1234567890), 'Rp 1.234.567.890');
    assert.equal(formatRupiah(-12500), '-Rp 12.500');
    assert.equal(formatAmount(100000), '100.000');
  });

  it('the grouping is what id-ID\'s own number format gives', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
      assert.equal(formatAmount(amount), amount.toLocaleString('id-ID'));
    }));
  });

  it('a fraction of a Rupiah is refused, not rounded away', () => {
    assert.throws(() => formatRupiah(12.5), RangeError);
  });

  it('a cashier\'s "12.500", "12500", "Rp 12.500", "12.500,-" and "12.500,00" are all 12 500', () => {
    for (const input of ['12.500', '12500', 'Rp 12.500', 'rp12500', ' Rp. 12.500 ', '12.500,-', '12.500,00']) {
      assert.equal(parseRupiah(input), 12500, input);
    }
  });

  it('input that is no whole amount is refused: misplaced dots, cents, letters, signs, nothing', () => {
    for (const input of ['12.50', '1.2500', '12,5', '12,50', '12.500,5', 'abc', '-500', '', 'Rp', '12 500', '.500']) {
      assert.equal(parseRupiah(input), null, input);
    }
  });

  it('an amount above the keyed maximum is refused (a scan landing in the tender field)', () => {
    assert.equal(parseRupiah(String(MAX_KEYED_AMOUNT)), MAX_KEYED_AMOUNT);
    assert.equal(parseRupiah('8991234567895'), null);
  });

  it('whatever is formatted reads back as the same amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_KEYED_AMOUNT }), (amount) => {
      assert.equal(parseRupiah(formatRupiah(amount)), amount);
      assert.equal(parseRupiah(formatAmount(amount)), amount);
    }));
  });
});

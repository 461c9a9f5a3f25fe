import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countedBody, countedTotal, DENOMINATIONS, isCashAmount, parsePieces, variance, type Count } from '../../web/kit/shift.ts';

describe('till shift count', () => {
  it('counts Rupiah notes and coins to their total', () => {
    const count: Count = { 100_000: 2, 50_000: 1, 2_000: 3, 500: 4, 50: 1 };
    assert.equal(countedTotal(count), 200_000 + 50_000 + 6_000 + 2_000 + 50);
    assert.equal(countedTotal({}), 0);
  });

  it('the variance is counted less expected: short below zero, over above', () => {
    assert.equal(variance(195_000, 202_000), -7_000);
    assert.equal(variance(202_500, 202_000), 500);
    assert.equal(variance(202_000, 202_000), 0);
  });

  it('sends each counted value once, largest first, none that is not there', () => {
    assert.deepEqual(countedBody({ 500: 4, 100_000: 2, 1_000: 0 }), [{ value: 100_000, count: 2 }, { value: 500, count: 4 }]);
    fc.assert(fc.property(fc.array(fc.nat(50), { minLength: DENOMINATIONS.length, maxLength: DENOMINATIONS.length }), (pieces) => {
      const count: Count = Object.fromEntries(DENOMINATIONS.map((value, index) => [value, pieces[index]]));
      assert.equal(countedBody(count).reduce((total, row) => total + row.value * row.count, 0), countedTotal(count));
    }));
  });

  it('reads a typed count: empty is none, whole numbers only', () => {
    assert.equal(parsePieces(''), 0);
    assert.equal(parsePieces(' 12 '), 12);
    for (const text of ['-1', '1.5', 'x', '10000000']) assert.equal(parsePieces(text), null, text);
  });

  it('cash moved in or out is whole Rupiah above zero', () => {
    assert.equal(isCashAmount(50_000), true);
    for (const amount of [0, -5, 1.5, null]) assert.equal(isCashAmount(amount), false, String(amount));
  });
});

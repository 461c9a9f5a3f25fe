import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatReceiptNumber, nextReceiptNumber, parseReceiptNumber } from '../../web/kit/receipt-number.ts';

describe('till receipt numbers', () => {
  it('a till\'s first sale is number 1, written with six digits after its code', () => {
    assert.equal(nextReceiptNumber('T01', null), 'T01-000001');
  });

  it('each number is one more than the last: no gap, no repeat, also past 999 999', () => {
    assert.equal(nextReceiptNumber('T01', 'T01-000041'), 'T01-000042');
    assert.equal(nextReceiptNumber('T01', 'T01-999999'), 'T01-1000000');
    let last: string | null = null;
    const counters: number[] = [];
    for (let i = 0; i < 50; i++) {
      last = nextReceiptNumber('KASIR-2', last);
      counters.push(parseReceiptNumber(last)?.counter ?? 0);
    }
    assert.deepEqual(counters, Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('a code with dashes in it is read up to the last dash', () => {
    assert.deepEqual(parseReceiptNumber('JKT-01-000042'), { tillCode: 'JKT-01', counter: 42 });
    assert.equal(nextReceiptNumber('JKT-01', 'JKT-01-000042'), 'JKT-01-000043');
  });

  it('another till\'s last number is refused, not continued', () => {
    assert.throws(() => nextReceiptNumber('T02', 'T01-000041'), RangeError);
  });

  it('text that is no receipt number, or one spelt another way, does not parse', () => {
    for (const text of ['T01-42', 'T01-0000042', 'T01-000000', 't01-000001', 'T01000001', '-000001', 'T01-00004a', 'TOO-LONG-CODE-000001']) {
      assert.equal(parseReceiptNumber(text), null, text);
    }
    assert.throws(() => nextReceiptNumber('T01', 'garbage'), RangeError);
    assert.throws(() => formatReceiptNumber({ tillCode: 't01', counter: 1 }), RangeError);
    assert.throws(() => formatReceiptNumber({ tillCode: 'T01', counter: 0 }), RangeError);
  });

  it('every number written reads back as its code and counter, and sorts by counter within a till at six digits', () => {
    const code = fc.stringMatching(/^[A-Z0-9-]{1,12}$/);
    fc.assert(fc.property(code, fc.integer({ min: 1, max: 1e9 }), (tillCode, counter) => {
      assert.deepEqual(parseReceiptNumber(formatReceiptNumber({ tillCode, counter })), { tillCode, counter });
    }));
    fc.assert(fc.property(code, fc.integer({ min: 1, max: 999_998 }), (tillCode, counter) => {
      assert.ok(formatReceiptNumber({ tillCode, counter }) < formatReceiptNumber({ tillCode, counter: counter + 1 }));
    }));
  });
});

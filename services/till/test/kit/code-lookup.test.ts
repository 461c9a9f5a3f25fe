import assert from 'node:assert/strict';
import { lookUpCode, type CodeIndex } from '../../web/kit/code-lookup.ts';
import { DEFAULT_SCALE_PREFIXES, gs1CheckDigit } from '../../web/kit/scale-label.ts';

const withCheck = (body: string) => `${body}${gs1CheckDigit(body)}`;
const water = withCheck('899123456789');
const riceLabel = withCheck('210123401250');
/** A shop that gave a scale-label-looking code to a unit of its own (GS1 in-store range). */
const ownCode = withCheck('210555500001');

const index: CodeIndex<string> = {
  byBarcode: (code) => ({ [water]: { product: 'water', unit: 'pcs' }, [ownCode]: { product: 'bag', unit: 'pcs' } })[code],
  weighedByPlu: (plu) => (plu === '01234' ? 'rice' : plu === '05555' ? 'apples' : undefined),
};

describe('till code lookup', () => {
  it('a unit\'s barcode is that unit of its product', () => {
    assert.deepEqual(lookUpCode(water, index, DEFAULT_SCALE_PREFIXES), { kind: 'unit', product: 'water', unit: 'pcs' });
  });

  it('a scale label names the weighed product with its PLU, and carries its weight', () => {
    assert.deepEqual(lookUpCode(riceLabel, index, DEFAULT_SCALE_PREFIXES), { kind: 'label', product: 'rice', label: { plu: '01234', carries: 'weight', grams: 1250 } });
  });

  it('a unit\'s own barcode wins over a label reading of it, as the product service decides', () => {
    assert.deepEqual(lookUpCode(ownCode, index, DEFAULT_SCALE_PREFIXES), { kind: 'unit', product: 'bag', unit: 'pcs' });
  });

  it('a good code nobody answers to is unknown; a bad check digit is a misread', () => {
    assert.deepEqual(lookUpCode(withCheck('899000000000'), index, DEFAULT_SCALE_PREFIXES).kind, 'unknown');
    assert.deepEqual(lookUpCode(withCheck('210999901250'), index, DEFAULT_SCALE_PREFIXES).kind, 'unknown');
    const bad = `${water.slice(0, 12)}${(Number(water.at(-1)) + 1) % 10}`;
    assert.deepEqual(lookUpCode(bad, index, DEFAULT_SCALE_PREFIXES), { kind: 'misread', code: bad });
    assert.deepEqual(lookUpCode('12345', index, DEFAULT_SCALE_PREFIXES).kind, 'misread');
  });
});

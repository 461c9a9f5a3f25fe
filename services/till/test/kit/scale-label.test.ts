import assert from 'node:assert/strict';
import { decodeScaleLabel, DEFAULT_SCALE_PREFIXES, gs1CheckDigit, isValidBarcode, weighingOfLabel } from '../../web/kit/scale-label.ts';
import { gramsForPrice, priceOfGrams } from '../../web/kit/weight-price.ts';

const label = (body: string) => `${body}${gs1CheckDigit(body)}`;
const kg = { conversion: 1000, price: 14_000 };

describe('till scale labels', () => {
  it('the GS1 check digit is the one on real codes', () => {
    assert.equal(gs1CheckDigit('400638133393'), 1); // 4006381333931, a published EAN-13
    assert.equal(isValidBarcode('4006381333931'), true);
    assert.equal(isValidBarcode('4006381333932'), false);
    assert.equal(isValidBarcode('036000291452'), true); // UPC-A
    assert.equal(isValidBarcode('40063813339'), false);
  });

  it('a weight prefix carries grams, a price prefix whole Rupiah, both after the 5-digit PLU', () => {
    assert.deepEqual(decodeScaleLabel(label('210123401250'), DEFAULT_SCALE_PREFIXES), { plu: '01234', carries: 'weight', grams: 1250 });
    assert.deepEqual(decodeScaleLabel(label('220123417500'), DEFAULT_SCALE_PREFIXES), { plu: '01234', carries: 'price', price: 17_500 });
  });

  it('a wrong check digit, another prefix, or another length is no label', () => {
    const good = label('210123401250');
    const wrong = `${good.slice(0, 12)}${(Number(good.at(-1)) + 1) % 10}`;
    assert.equal(decodeScaleLabel(wrong, DEFAULT_SCALE_PREFIXES), undefined);
    assert.equal(decodeScaleLabel(label('230123401250'), DEFAULT_SCALE_PREFIXES), undefined);
    assert.equal(decodeScaleLabel(label('21012340125'), DEFAULT_SCALE_PREFIXES), undefined);
  });

  it('the prefixes are the shop\'s: with weight 25, a 25 label carries grams and 21 is nothing', () => {
    const prefixes = { weight: '25', price: '26' };
    assert.equal(decodeScaleLabel(label('250123401250'), prefixes)?.carries, 'weight');
    assert.equal(decodeScaleLabel(label('210123401250'), prefixes), undefined);
  });

  it('a weight label is priced by the pricing unit, rounded half up; a price label buys its weight', () => {
    assert.deepEqual(weighingOfLabel(kg, { plu: '01234', carries: 'weight', grams: 1250 }), { grams: 1250, price: 17_500 });
    assert.equal(priceOfGrams(kg, 1), 14); // 14.0
    assert.equal(priceOfGrams({ conversion: 1000, price: 12_500 }, 1), 13); // 12.5 → 13
    assert.equal(priceOfGrams({ conversion: 1000, price: 12_300 }, 1), 12); // 12.3 → 12
    assert.deepEqual(weighingOfLabel(kg, { plu: '01234', carries: 'price', price: 10_000 }), { grams: 714, price: 10_000 }); // 714.29 g
    assert.equal(gramsForPrice({ conversion: 1000, price: 4000 }, 2), 1); // 0.5 g → 1
  });
});

// Pure catalogue rules: no stack needed.
import assert from 'node:assert/strict';
import { isValidBarcode, withCheckDigit } from '../../src/domain/barcode.ts';
import { scanOfBarcode, scanOfScaleLabel } from '../../src/domain/lookup.ts';
import { baseUnitsForPrice, priceOfBaseUnits, toBaseUnits } from '../../src/domain/pricing.ts';
import { checkProduct, MAX_CONVERSION, MAX_UNIT_PRICE, type Product, type ProductFields } from '../../src/domain/product.ts';
import { decodeScaleLabel } from '../../src/domain/scale-label.ts';

const drink = (changes: Partial<ProductFields> = {}): Product => ({
  id: 'p1', sku: 'TEH-1', name: 'Teh botol', description: '', categoryId: 'drinks', baseUnit: 'pcs', taxClass: 'standard',
  weighed: false, active: true, version: 1, createdAt: '', updatedAt: '',
  units: [{ name: 'pcs', barcode: '8991234567891', conversion: 1, price: 3500 }, { name: 'dus', barcode: '8991234567907', conversion: 24, price: 80000 }],
  ...changes,
});
const rice: Product = { ...drink(), sku: 'BERAS', weighed: true, baseUnit: 'g', plu: '01234', units: [{ name: 'kg', conversion: 1000, price: 14000 }] };
const labels = { weight: '21', price: '22' };
const must = <T>(value: T | undefined): T => { if (value === undefined) throw new Error("missing"); return value; };
const codeOf = (fn: () => void) => { try { fn(); return 'ok'; } catch (error) { return (error as { code: string }).code; } };

describe('catalogue rules', () => {
  it('an EAN-13 and a UPC-A with a right check digit are valid; a wrong digit, a wrong length or letters are not', () => {
    assert.equal(isValidBarcode('4006381333931'), true);
    assert.equal(isValidBarcode('036000291452'), true);
    assert.equal(isValidBarcode('4006381333932'), false);
    assert.equal(isValidBarcode('036000291453'), false);
    assert.equal(isValidBarcode('40063813339'), false);
    assert.equal(isValidBarcode('40063813339a1'), false);
  });

  it('a carton barcode scans as 24 base units at the carton price', () => {
    assert.deepEqual(scanOfBarcode(drink(), '8991234567907'), { product: drink(), unit: 'dus', quantity: 24, price: 80000, scaleLabel: false });
    assert.equal(toBaseUnits(must(drink().units[1]), 2), 48);
  });

  it('a weight label decodes to its PLU and grams, and costs the weight at the price per kg, rounded half up', () => {
    const label = decodeScaleLabel(withCheckDigit('210123401250'), labels);
    assert.deepEqual(label, { plu: '01234', carries: 'weight', grams: 1250 });
    assert.deepEqual({ ...scanOfScaleLabel(rice, must(label)), product: undefined }, { product: undefined, unit: 'kg', quantity: 1250, price: 17500, scaleLabel: true });
    assert.equal(priceOfBaseUnits({ name: 'kg', conversion: 1000, price: 14999 }, 333), 4995); // 4994.667
  });

  it('a price label decodes to its PLU and price, and weighs the price at the price per kg', () => {
    const label = decodeScaleLabel(withCheckDigit('220123421000'), labels);
    assert.deepEqual(label, { plu: '01234', carries: 'price', price: 21000 });
    assert.deepEqual({ ...scanOfScaleLabel(rice, must(label)), product: undefined }, { product: undefined, unit: 'kg', quantity: 1500, price: 21000, scaleLabel: true });
    assert.equal(baseUnitsForPrice({ name: 'kg', conversion: 1000, price: 3000 }, 1000), 333);
  });

  it('a code with another prefix or a wrong check digit is no scale label', () => {
    assert.equal(decodeScaleLabel(withCheckDigit('230123401250'), labels), undefined);
    assert.equal(decodeScaleLabel('2101234012500', labels), undefined);
  });

  it('a product breaks its rules with a zero price, a fractional conversion, a bad barcode, a repeated unit or barcode', () => {
    assert.equal(codeOf(() => checkProduct(drink())), 'ok');
    assert.equal(codeOf(() => checkProduct(drink({ units: [] }))), 'PRODUCT.NO_UNITS');
    assert.equal(codeOf(() => checkProduct(drink({ units: [{ name: 'pcs', conversion: 1, price: 0 }] }))), 'PRODUCT.BAD_PRICE');
    assert.equal(codeOf(() => checkProduct(drink({ units: [{ name: 'pcs', conversion: 1.5, price: 1 }] }))), 'PRODUCT.BAD_CONVERSION');
    assert.equal(codeOf(() => checkProduct(drink({ units: [{ name: 'pcs', barcode: '8991234567892', conversion: 1, price: 1 }] }))), 'PRODUCT.BAD_BARCODE');
    assert.equal(codeOf(() => checkProduct(drink({ units: [must(drink().units[0]), must(drink().units[0])] }))), 'PRODUCT.DUPLICATE_UNIT');
    assert.equal(codeOf(() => checkProduct(drink({ units: [must(drink().units[0]), { ...must(drink().units[0]), name: 'x' }] }))), 'PRODUCT.DUPLICATE_BARCODE');
  });

  it('a unit costs at most MAX_UNIT_PRICE and holds at most MAX_CONVERSION base units, so a line of 100 000 stays exact', () => {
    const unit = (conversion: number, price: number) => drink({ units: [{ name: 'pcs', conversion, price }] });
    assert.equal(codeOf(() => checkProduct(unit(MAX_CONVERSION, MAX_UNIT_PRICE))), 'ok');
    assert.equal(codeOf(() => checkProduct(unit(1, MAX_UNIT_PRICE + 1))), 'PRODUCT.BAD_PRICE');
    assert.equal(codeOf(() => checkProduct(unit(MAX_CONVERSION + 1, 1))), 'PRODUCT.BAD_CONVERSION');
    // 200 lines of 100 000 at the dearest price, and a 99 999 g label at it per gram, stay exact.
    assert.ok(Number.isSafeInteger(2 * 200 * 100_000 * MAX_UNIT_PRICE));
    assert.equal(priceOfBaseUnits({ name: 'g', conversion: 1, price: MAX_UNIT_PRICE }, 99_999), 99_999 * MAX_UNIT_PRICE);
  });

  it('goods sold by weight need grams as base unit and a 5-digit PLU; other goods have no PLU', () => {
    assert.equal(codeOf(() => checkProduct(rice)), 'ok');
    assert.equal(codeOf(() => checkProduct({ ...rice, baseUnit: 'kg' })), 'PRODUCT.WEIGHED_BASE_UNIT');
    assert.equal(codeOf(() => checkProduct({ ...rice, plu: undefined })), 'PRODUCT.PLU_REQUIRED');
    assert.equal(codeOf(() => checkProduct(drink({ plu: '01234' }))), 'PRODUCT.PLU_NOT_WEIGHED');
  });
});

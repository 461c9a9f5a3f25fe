// A unit's price and conversion are bounded (MAX_UNIT_PRICE, MAX_CONVERSION), so that order's
// lines and totals stay exact integers: more is a 400 naming the field, on create and update.
import assert from 'node:assert/strict';
import { MAX_CONVERSION, MAX_UNIT_PRICE } from '../src/domain/product.ts';
import { call, createProduct, drinkBody, errorOf, tokenOf, uniqueBarcode } from './support.ts';

const fieldsOf = (body: unknown) => (errorOf(body).details as unknown as { field: string }[]).map((problem) => problem.field);

describe('bounds on a unit\'s price and conversion', function () {
  this.timeout(60_000);

  it('a price or a conversion over its bound is a 400 naming the field; at the bound the product is made', async () => {
    const manager = await tokenOf('manager');
    const units = (price: number, conversion: number) =>
      [{ name: 'pcs', barcode: uniqueBarcode(), conversion: 1, price }, { name: 'dus', barcode: uniqueBarcode(), conversion, price: 1_000 }];
    const over = await call('POST', '/products', { token: manager, body: await drinkBody({ units: units(MAX_UNIT_PRICE + 1, MAX_CONVERSION + 1) }) });
    assert.deepEqual([over.status, errorOf(over.body).code, fieldsOf(over.body)], [400, 'REQUEST.INVALID', ['body.units.0.price', 'body.units.1.conversion']]);
    const at = await call('POST', '/products', { token: manager, body: await drinkBody({ units: units(MAX_UNIT_PRICE, MAX_CONVERSION) }) });
    assert.equal(at.status, 201, JSON.stringify(at.body));
  });

  it('an update to a price over the bound is a 400 naming the field, and changes nothing', async () => {
    const manager = await tokenOf('manager');
    const product = await createProduct();
    const units = product.units.map((unit, index) => (index === 0 ? { ...unit, price: 10 ** 15 } : unit));
    const reply = await call('PATCH', `/products/${product.id}`, { token: manager, body: { units }, headers: { 'If-Match': `"${product.version}"` } });
    assert.deepEqual([reply.status, fieldsOf(reply.body)], [400, ['body.units.0.price']]);
    const after = await call<{ version: number; units: { price: number }[] }>('GET', `/products/${product.id}`, { token: manager });
    assert.deepEqual([after.body.version, after.body.units[0]?.price], [product.version, product.units[0]?.price]);
  });
});

import assert from 'node:assert/strict';
import {
  addScaleLabel, addUnits, addWeighed, CartError, cartTotals, changeUnit, emptyCart, MAX_QUANTITY, pricedLines,
  quantityText, removeLine, setQuantity, type Cart, type SellableProduct,
} from '../../web/kit/cart.ts';
import { DEFAULT_TAX_RATES, taxRuleOn } from '../../web/kit/tax.ts';
import { nth } from './support.ts';

const rule = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', true);
const water: SellableProduct = {
  id: 'p-water', name: 'Air mineral 600 ml', taxClass: 'standard', weighed: false,
  units: [{ name: 'pcs', conversion: 1, price: 3_500 }, { name: 'dus', conversion: 24, price: 78_000 }],
};
const perfume: SellableProduct = { id: 'p-perfume', name: 'Parfum', taxClass: 'luxury', weighed: false, units: [{ name: 'pcs', conversion: 1, price: 11_200 }] };
const rice: SellableProduct = {
  id: 'p-rice', name: 'Beras curah', taxClass: 'exempt', weighed: true,
  units: [{ name: 'kg', conversion: 1000, price: 14_000 }, { name: 'karung', conversion: 25_000, price: 330_000 }],
};

const refusal = (code: string) => (error: unknown) => error instanceof CartError && error.code === code;
const only = (cart: Cart) => {
  assert.equal(cart.lines.length, 1);
  return nth(cart.lines, 0);
};

describe('till cart', () => {
  it('the same product in the same unit joins one line; another unit is a line of its own', () => {
    let cart = addUnits(emptyCart(), water, 'pcs', 2);
    cart = addUnits(cart, water, 'pcs', 3);
    assert.equal(only(cart).quantity, 5);
    cart = addUnits(cart, water, 'dus');
    assert.deepEqual(cart.lines.map((line) => [line.unit, line.quantity, line.unitPrice]), [['pcs', 5, 3_500], ['dus', 1, 78_000]]);
  });

  it('totals are the lines\' amounts, the PPN the sum of each line\'s rounded PPN, by class', () => {
    let cart = addUnits(emptyCart(), water, 'pcs', 3); // 10 500, PPN 1 040.5 → 1 041
    cart = addUnits(cart, perfume, 'pcs'); // 11 200, PPN 1 200
    cart = addWeighed(cart, rice, 1250); // 17 500, exempt
    assert.deepEqual(cartTotals(cart, rule), {
      total: 39_200, tax: 2_241,
      byClass: [
        { taxClass: 'standard', base: 9_459, tax: 1_041, gross: 10_500 },
        { taxClass: 'luxury', base: 10_000, tax: 1_200, gross: 11_200 },
        { taxClass: 'exempt', base: 17_500, tax: 0, gross: 17_500 },
      ],
      subtotal: 39_200, saleDiscount: 0, discountTotal: 0,
    });
    assert.deepEqual(pricedLines(cart, rule).map((line) => line.amount), [10_500, 11_200, 17_500]);
  });

  it('a weighed good is a line of grams in its pricing unit, each weighing its own line, priced half up', () => {
    let cart = addWeighed(emptyCart(), rice, 1250);
    cart = addWeighed(cart, rice, 1);
    assert.deepEqual(cart.lines.map((line) => [line.unit, line.quantity, line.byWeight]), [['kg', 1250, true], ['kg', 1, true]]);
    assert.deepEqual(pricedLines(cart, rule).map((line) => line.amount), [17_500, 14]);
    assert.equal(quantityText(nth(cart.lines, 0)), '1,25 kg');
    assert.equal(quantityText({ quantity: 750, unit: 'kg', conversion: 1000, byWeight: true }), '0,75 kg');
    assert.equal(quantityText({ quantity: 2000, unit: 'kg', conversion: 1000, byWeight: true }), '2 kg');
  });

  it('a weighed good\'s pricing unit cannot be counted, its other units can (a sack of rice is 1 sack)', () => {
    assert.throws(() => addUnits(emptyCart(), rice, 'kg', 2), refusal('SOLD_BY_WEIGHT'));
    const cart = addUnits(emptyCart(), rice, 'karung', 2);
    assert.deepEqual([only(cart).quantity, only(cart).byWeight, cartTotals(cart, rule).total], [2, false, 660_000]);
    assert.throws(() => addWeighed(emptyCart(), water, 500), refusal('UNIT_UNKNOWN'));
  });

  it('a scale label\'s price is the line\'s amount, and its weight cannot be changed', () => {
    const cart = addScaleLabel(emptyCart(), rice, { plu: '01234', carries: 'price', price: 10_000 });
    assert.deepEqual([only(cart).quantity, only(cart).labelPrice, cartTotals(cart, rule).total], [714, 10_000, 10_000]);
    assert.throws(() => setQuantity(cart, only(cart).id, 1000), refusal('LABEL_FIXED'));
    assert.equal(setQuantity(cart, only(cart).id, 0).lines.length, 0);
  });

  it('a weight label is priced from its grams, like a weighing', () => {
    const cart = addScaleLabel(emptyCart(), rice, { plu: '01234', carries: 'weight', grams: 1250 });
    assert.deepEqual([only(cart).quantity, only(cart).labelPrice], [1250, 17_500]);
  });

  it('a quantity is a whole number from 1 to the maximum; 0 removes the line', () => {
    const cart = addUnits(emptyCart(), water, 'pcs');
    const id = only(cart).id;
    for (const bad of [-1, 1.5, MAX_QUANTITY + 1, Number.NaN]) assert.throws(() => setQuantity(cart, id, bad), refusal('QUANTITY_INVALID'), String(bad));
    assert.throws(() => addUnits(cart, water, 'pcs', MAX_QUANTITY), refusal('QUANTITY_INVALID'));
    assert.equal(only(setQuantity(cart, id, 7)).quantity, 7);
    assert.deepEqual(setQuantity(cart, id, 0).lines, []);
  });

  it('changing a line\'s unit takes that unit\'s price, and joins a line already in it', () => {
    let cart = addUnits(emptyCart(), water, 'pcs', 2);
    const pcs = only(cart).id;
    cart = changeUnit(cart, pcs, water, 'dus');
    assert.deepEqual([only(cart).unit, only(cart).unitPrice, only(cart).conversion, only(cart).quantity], ['dus', 78_000, 24, 2]);
    cart = addUnits(cart, water, 'pcs');
    cart = changeUnit(cart, nth(cart.lines, 1).id, water, 'dus');
    assert.deepEqual([only(cart).unit, only(cart).quantity], ['dus', 3]);
    assert.throws(() => changeUnit(cart, only(cart).id, water, 'crate'), refusal('UNIT_UNKNOWN'));
  });

  it('a removed line is gone and its id is not given again', () => {
    let cart = addUnits(addUnits(emptyCart(), water, 'pcs'), perfume, 'pcs');
    const first = nth(cart.lines, 0);
    cart = removeLine(cart, first.id);
    cart = addUnits(cart, water, 'pcs');
    assert.deepEqual(cart.lines.map((line) => line.productId), ['p-perfume', 'p-water']);
    assert.equal(new Set(cart.lines.map((line) => line.id)).has(first.id), false);
    assert.throws(() => removeLine(cart, first.id), refusal('LINE_UNKNOWN'));
  });

  it('the cart survives being stored as JSON and goes on working', () => {
    const cart = addScaleLabel(addUnits(emptyCart(), water, 'dus', 2), rice, { plu: '01234', carries: 'weight', grams: 800 });
    const stored = JSON.parse(JSON.stringify(cart)) as Cart;
    assert.deepEqual(stored, cart);
    assert.deepEqual(cartTotals(stored, rule), cartTotals(cart, rule));
    assert.equal(nth(addUnits(stored, water, 'dus').lines, 0).quantity, 3);
  });

  it('changes leave the cart they were made on as it was', () => {
    const cart = addUnits(emptyCart(), water, 'pcs');
    const before = structuredClone(cart);
    addUnits(cart, water, 'pcs', 4);
    setQuantity(cart, only(cart).id, 9);
    changeUnit(cart, only(cart).id, water, 'dus');
    removeLine(cart, only(cart).id);
    assert.deepEqual(cart, before);
  });
});

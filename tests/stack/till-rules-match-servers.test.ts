// The till prices and taxes offline sales itself, and its totals are the record (docs/till-api.md):
// so its rules must be the servers' to the Rupiah. The till's kit cannot import the services'
// code (a browser bundle, and services stay apart), so this test holds the copies together over
// many generated carts, rates and codes. No server needed: it imports the pure rules of each.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { checkOfflineSale } from '../../services/order/src/domain/offline-sale.ts';
import { priceLines, type CatalogueProduct, type RequestedLine } from '../../services/order/src/domain/pricing.ts';
import { DEFAULT_TAX_RATES, includedTax, taxRuleFor, type TaxRates } from '../../services/order/src/domain/tax.ts';
import { scanOfScaleLabel } from '../../services/product/src/domain/lookup.ts';
import { priceOfBaseUnits } from '../../services/product/src/domain/pricing.ts';
import type { Product } from '../../services/product/src/domain/product.ts';
import { decodeScaleLabel } from '../../services/product/src/domain/scale-label.ts';
import { addScaleLabel, addUnits, addWeighed, CartError, cartTotals, emptyCart, pricedLines, setLineDiscount, setSaleDiscount, type Cart, type SellableProduct } from '../../services/till/web/kit/cart.ts';
import { recordSale, uploadBody } from '../../services/till/web/kit/outbox.ts';
import { payCash } from '../../services/till/web/kit/tenders.ts';
import { decodeScaleLabel as tillDecodeScaleLabel, gs1CheckDigit, weighingOfLabel } from '../../services/till/web/kit/scale-label.ts';
import { taxInside, taxRuleOn, TAX_CLASSES } from '../../services/till/web/kit/tax.ts';
import { nth } from '../../services/till/test/kit/support.ts';

const runs = { numRuns: 300 };
const taxClass = fc.constantFrom(...TAX_CLASSES);
const price = fc.integer({ min: 1, max: 5_000_000 });
const unit = (name: string) => fc.record({ name: fc.constant(name), conversion: fc.integer({ min: 1, max: 1000 }), price });
const counted = (id: string) => fc.record({
  id: fc.constant(id), name: fc.constant(`product ${id}`), taxClass, weighed: fc.constant(false),
  units: fc.tuple(unit('pcs'), unit('pack')).map((units) => [...units]),
});
const weighed = (id: string) => fc.record({
  id: fc.constant(id), name: fc.constant(`product ${id}`), taxClass, weighed: fc.constant(true),
  units: fc.tuple(fc.record({ name: fc.constant('kg'), conversion: fc.constantFrom(1000, 100, 500), price }), unit('sack')).map((units) => [...units]),
});

/** What the product service knows of a weighed product, for its scale-label lookup. */
const asProduct = (product: SellableProduct): Product => ({
  ...product, units: [...product.units], sku: product.id, description: '', categoryId: 'c', baseUnit: 'g', plu: '01234', active: true,
  version: 1, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z',
});
const asCatalogue = (product: SellableProduct): CatalogueProduct => ({ ...product, sku: product.id, active: true, units: [...product.units] });

const label = (prefix: string, value: number) => {
  const body = `${prefix}01234${String(value).padStart(5, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};
const prefixes = { weight: '21', price: '22' };

type Step = { kind: 'units'; product: number; unit: 0 | 1; quantity: number } | { kind: 'weigh'; grams: number } | { kind: 'label'; code: string };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('units' as const), product: fc.integer({ min: 0, max: 2 }), unit: fc.constantFrom(0 as const, 1 as const), quantity: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('weigh' as const), grams: fc.integer({ min: 1, max: 99_999 }) }),
  fc.record({ kind: fc.constant('label' as const), code: fc.oneof(fc.integer({ min: 1, max: 99_999 }).map((g) => label('21', g)), fc.integer({ min: 1, max: 99_999 }).map((p) => label('22', p))) }),
);

/** A cart rung up on the till, and its lines as the order service is asked for them: a scale
 * label as product's LookupBarcode answers it (order's catalogue client takes its weight and
 * price), a weighing priced by product's own pricing rule. */
function ringUp(products: SellableProduct[], rice: SellableProduct, steps: Step[]): { cart: Cart; requested: RequestedLine[] } {
  let cart = emptyCart();
  const serverWeighings = new Map<number, { quantity: number; labelPrice: number }>();
  for (const s of steps) {
    if (s.kind === 'units') {
      const product = nth(products, s.product);
      cart = addUnits(cart, product, nth(product.units, s.unit).name, s.quantity);
      continue;
    }
    if (s.kind === 'weigh') {
      cart = addWeighed(cart, rice, s.grams);
      serverWeighings.set(cart.nextLineId - 1, { quantity: s.grams, labelPrice: priceOfBaseUnits(nth(rice.units, 0), s.grams) });
      continue;
    }
    const tillLabel = tillDecodeScaleLabel(s.code, prefixes);
    const serverLabel = decodeScaleLabel(s.code, prefixes);
    assert.ok(tillLabel && serverLabel);
    const scan = scanOfScaleLabel(asProduct(rice), serverLabel);
    if (scan.quantity === 0) {
      // A price label too small to buy a gram: the till refuses it as a misprint.
      assert.throws(() => addScaleLabel(cart, rice, tillLabel), CartError);
      continue;
    }
    cart = addScaleLabel(cart, rice, tillLabel);
    serverWeighings.set(cart.nextLineId - 1, { quantity: scan.quantity, labelPrice: scan.price });
  }
  const requested = cart.lines.map((line): RequestedLine => ({ productId: line.productId, unit: line.unit, quantity: line.quantity, ...serverWeighings.get(line.id) }));
  return { cart, requested };
}

describe('the till\'s rules are the servers\'', () => {
  it('PPN inside an amount: the same for every class, amount, rate set, day and registration', () => {
    const rates: fc.Arbitrary<TaxRates> = fc.record({
      effectiveFrom: fc.constantFrom('2024-01-01', '2025-01-01', '2026-07-01'),
      ratePercent: fc.integer({ min: 0, max: 100 }),
      baseFraction: fc.record({
        standard: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })),
        luxury: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })),
      }),
    });
    // Two sets from the same day are a misconfiguration the order service leaves to its sort's whims.
    fc.assert(fc.property(fc.uniqueArray(rates, { maxLength: 3, selector: (r) => r.effectiveFrom }), fc.constantFrom('2023-12-31', '2025-01-01', '2025-06-30', '2026-07-01'), fc.boolean(), taxClass, fc.integer({ min: 0, max: 1_000_000_000 }),
      (set, day, registered, cls, amount) => {
        const server = taxRuleFor(set, day, registered);
        const till = taxRuleOn(set, day, registered);
        assert.deepEqual(till, server);
        assert.equal(taxInside(amount, cls, till), includedTax(amount, cls, server));
      }), runs);
  });

  it('a cart\'s lines, PPN per line, per class and its total: what order\'s pricing makes of the same lines', () => {
    const catalogue = fc.tuple(counted('a'), counted('b'), counted('c'), weighed('rice'));
    fc.assert(fc.property(catalogue, fc.array(step, { minLength: 1, maxLength: 12 }), fc.boolean(), ([a, b, c, rice], steps, registered) => {
      const { cart, requested } = ringUp([a, b, c], rice, steps);
      const rule = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', registered);
      const order = priceLines(requested, new Map([a, b, c, rice].map((p) => [p.id, asCatalogue(p)])), taxRuleFor(DEFAULT_TAX_RATES, '2025-06-01', registered));
      const totals = cartTotals(cart, rule);
      assert.deepEqual(pricedLines(cart, rule).map((l) => [l.productId, l.unit, l.quantity, l.unitPrice, l.amount, l.taxClass, l.tax]),
        order.lines.map((l) => [l.productId, l.unit, l.quantity, l.unitPrice, l.amount, l.taxClass, l.tax]));
      assert.equal(totals.total, order.total);
      assert.deepEqual(totals.byClass, order.taxes);
      assert.equal(totals.tax, order.taxes.reduce((sum, t) => sum + t.tax, 0));
    }), runs);
  });

  it('a cart\'s discounts (lines and the sale\'s): the same amounts, PPN and total as order\'s pricing, refused alike, and the upload passes order\'s offline check', () => {
    const catalogue = fc.tuple(counted('a'), counted('b'), counted('c'), weighed('rice'));
    const discount = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((percent) => ({ percent })),
      fc.integer({ min: 0, max: 200_000 }).map((amount) => ({ amount })),
      fc.integer({ min: 0, max: 200_000 }).map((amount) => ({ amount, reason: 'price match' })),
    );
    fc.assert(fc.property(catalogue, fc.array(step, { minLength: 1, maxLength: 8 }), fc.array(fc.option(discount, { nil: undefined }), { minLength: 8, maxLength: 8 }), fc.option(discount, { nil: undefined }),
      ([a, b, c, rice], steps, lineDiscounts, saleDiscount) => {
        const rung = ringUp([a, b, c], rice, steps);
        let cart = rung.cart;
        const requested = rung.requested.map((line) => ({ ...line }));
        const products = new Map([a, b, c, rice].map((p) => [p.id, asCatalogue(p)]));
        const serverRule = taxRuleFor(DEFAULT_TAX_RATES, '2025-06-01', true);
        for (const [index, line] of cart.lines.entries()) {
          const given = lineDiscounts[index];
          if (!given) continue;
          try {
            cart = setLineDiscount(cart, line.id, given);
          } catch (error) {
            assert.ok(error instanceof CartError);
            assert.throws(() => priceLines([{ ...nth(requested, index), discount: given }], products, serverRule), { code: 'ORDER.DISCOUNT_INVALID' });
            continue;
          }
          nth(requested, index).discount = given;
        }
        if (saleDiscount) {
          try {
            cart = setSaleDiscount(cart, saleDiscount);
          } catch (error) {
            assert.ok(error instanceof CartError);
            assert.throws(() => priceLines(requested, products, serverRule, saleDiscount), { code: 'ORDER.DISCOUNT_INVALID' });
          }
        }
        const rule = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', true);
        const order = priceLines(requested, products, serverRule, cart.discount);
        assert.deepEqual(pricedLines(cart, rule).map((l) => [l.listAmount, l.discountAmount, l.orderDiscountShare, l.amount, l.tax]),
          order.lines.map((l) => [l.listAmount, l.discount?.amount ?? 0, l.orderDiscountShare, l.amount, l.tax]));
        const totals = cartTotals(cart, rule);
        assert.deepEqual([totals.total, totals.saleDiscount, totals.byClass], [order.total, order.discount?.amount ?? 0, order.taxes]);

        const till = { id: 'till-1', code: 'T01', outletId: 'JKT1' };
        const soldAt = new Date('2025-06-01T03:00:00Z');
        const tenders = totals.total === 0 ? [] : payCash(totals.total, [], totals.total);
        if (tenders.length === 0) return; // nothing to pay: no sale to upload
        const body = uploadBody(recordSale({ id: randomUUID(), receiptNumber: 'T01-000001', soldAt, outletId: 'JKT1' }, cart, rule, tenders));
        assert.doesNotThrow(() => checkOfflineSale({ ...body, soldAt }, till, serverRule, soldAt));
      }), runs);
  });

  it('a scale label: read alike for every code and prefix choice, and sold for the same weight and price', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(''));
    const code = fc.oneof(
      digits.map((body) => `${body}${gs1CheckDigit(body)}`),
      digits.map((body) => `2${body.slice(1)}${gs1CheckDigit(`2${body.slice(1)}`)}`),
      fc.string({ unit: fc.constantFrom('0', '1', '2', '9', 'x'), maxLength: 14 }),
    );
    const prefix = fc.integer({ min: 20, max: 29 }).map(String);
    fc.assert(fc.property(code, prefix, prefix, (scanned, weight, byPrice) => {
      const server = decodeScaleLabel(scanned, { weight, price: byPrice });
      assert.deepEqual(tillDecodeScaleLabel(scanned, { weight, price: byPrice }), server);
    }), { numRuns: 2000 });
    fc.assert(fc.property(weighed('rice'), fc.oneof(fc.integer({ min: 0, max: 99_999 }).map((v) => label('21', v)), fc.integer({ min: 0, max: 99_999 }).map((v) => label('22', v))), (rice, scanned) => {
      const serverLabel = decodeScaleLabel(scanned, prefixes);
      assert.ok(serverLabel);
      const scan = scanOfScaleLabel(asProduct(rice), serverLabel);
      assert.deepEqual(weighingOfLabel(nth(rice.units, 0), serverLabel), { grams: scan.quantity, price: scan.price });
      assert.equal(scan.unit, nth(rice.units, 0).name);
    }), runs);
  });
});

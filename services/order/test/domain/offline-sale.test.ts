// The rules of a sale a till made offline: what it must add up to, what is flagged, when it is
// late, and when its stock step is retried. No stack needed.
import assert from 'node:assert/strict';
import { RemoteCallError } from '@pos/platform';
import { checkOfflineSale, isTillReceipt, offlineLines, offlineTenders, withDiscountCheck, withOversold, type OfflineSale } from '../../src/domain/offline-sale.ts';
import type { CatalogueProduct } from '../../src/domain/pricing.ts';
import { arrivedLate } from '../../src/domain/shop-time.ts';
import { DEFAULT_TAX_RATES, taxRuleFor } from '../../src/domain/tax.ts';
import { recordSaleFailure } from '../../src/grpc/inventory.client.ts';
import { isFinalRefusal } from '../../src/use-cases/run-saga.ts';

const rule = taxRuleFor(DEFAULT_TAX_RATES, '2026-03-02', true);
const till = { id: 'till-1', code: 'T01', outletId: 'JKT1' };
const now = new Date('2026-03-02T05:00:00Z');
const tea: CatalogueProduct = { id: 'tea', sku: 'TEA', name: 'Teh', taxClass: 'standard', active: true, units: [{ name: 'pcs', conversion: 1, price: 3_500 }, { name: 'dus', conversion: 24, price: 70_000 }] };
const rice: CatalogueProduct = { id: 'rice', sku: 'RICE', name: 'Beras', taxClass: 'exempt', active: true, weighed: true, units: [{ name: 'kg', conversion: 1000, price: 15_000 }] };
const catalogue = new Map([tea, rice].map((product) => [product.id, product]));

/** 2 teas at 3 500 (PPN 11/111 of 7 000 = 694, half up) paid in cash from 10 000. */
const sale = (changes: Partial<OfflineSale> = {}): OfflineSale => ({
  receiptNumber: 'T01-000042', soldAt: new Date('2026-03-02T03:00:00Z'), outletId: 'JKT1',
  lines: [{ productId: 'tea', unit: 'pcs', quantity: 2, unitPrice: 3_500, lineTotal: 7_000, taxClass: 'standard' }],
  totals: { total: 7_000, tax: 694 },
  tenders: [{ kind: 'cash', amount: 7_000, tendered: 10_000 }],
  ...changes,
});

/** A 422 OFFLINE_SALE.INVALID naming `field` (and having these details). */
const refusedAt = (field: string, details: Record<string, unknown> = {}) => (error: unknown): true => {
  const { kind, code, details: actual } = error as { kind: string; code: string; details: Record<string, unknown> };
  assert.deepEqual([kind, code, actual.field], ['unprocessable', 'OFFLINE_SALE.INVALID', field]);
  for (const [key, value] of Object.entries(details)) assert.deepEqual(actual[key], value, key);
  return true;
};

describe('a sale made offline', () => {
  it('a sale whose lines, PPN and tenders add up is taken', () => {
    assert.doesNotThrow(() => checkOfflineSale(sale(), till, rule, now));
    assert.doesNotThrow(() => checkOfflineSale(sale({ tenders: [{ kind: 'cash', amount: 2_000, tendered: 2_000 }, { kind: 'external', amount: 5_000, reference: 'EDC-1' }] }), till, rule, now));
  });

  it('lines that do not add up to the total, or a PPN other than the lines\' by the rule of the day, are refused naming the field', () => {
    assert.throws(() => checkOfflineSale(sale({ totals: { total: 7_001, tax: 694 } }), till, rule, now), refusedAt('totals.total'));
    assert.throws(() => checkOfflineSale(sale({ totals: { total: 7_000, tax: 693 } }), till, rule, now), refusedAt('totals.tax'));
    const unregistered = taxRuleFor(DEFAULT_TAX_RATES, '2026-03-02', false);
    assert.doesNotThrow(() => checkOfflineSale(sale({ totals: { total: 7_000, tax: 0 } }), till, unregistered, now));
  });

  it('tenders must pay exactly the total, and cash tendered must cover its amount', () => {
    assert.throws(() => checkOfflineSale(sale({ tenders: [{ kind: 'cash', amount: 6_000, tendered: 10_000 }] }), till, rule, now), refusedAt('tenders'));
    assert.throws(() => checkOfflineSale(sale({ tenders: [{ kind: 'external', amount: 8_000 }] }), till, rule, now), refusedAt('tenders'));
    assert.throws(() => checkOfflineSale(sale({ tenders: [{ kind: 'cash', amount: 7_000, tendered: 5_000 }] }), till, rule, now), refusedAt('tenders.0.tendered'));
  });

  it('the receipt number carries the till\'s code, the outlet is the till\'s, and a sale is not dated in the future', () => {
    assert.throws(() => checkOfflineSale(sale({ receiptNumber: 'T02-000042' }), till, rule, now), refusedAt('receiptNumber'));
    assert.throws(() => checkOfflineSale(sale({ outletId: 'BDG1' }), till, rule, now), refusedAt('outletId'));
    assert.throws(() => checkOfflineSale(sale({ soldAt: new Date(now.getTime() + 6 * 60_000) }), till, rule, now), refusedAt('soldAt'));
    assert.doesNotThrow(() => checkOfflineSale(sale({ soldAt: new Date(now.getTime() + 60_000) }), till, rule, now)); // a till's clock a minute fast
    assert.ok(isTillReceipt('T-01-000042', 'T-01') && isTillReceipt('T01-1000000', 'T01'));
    assert.ok(!isTillReceipt('T01-42', 'T01') && !isTillReceipt('T011-000042', 'T01') && !isTillReceipt('T01-00004a', 'T01'));
  });

  it('carries the till\'s discounts: each line\'s net and the PPN on it must be what the discount rules make of them', () => {
    // 2 teas 7 000 less 10 % = 6 300, less 500 off the sale = 5 800; PPN 11/111 of 5 800 = 575.
    const discounted = sale({
      lines: [{ productId: 'tea', unit: 'pcs', quantity: 2, unitPrice: 3_500, lineTotal: 7_000, taxClass: 'standard', discount: { percent: 10 }, net: 5_800 }],
      discount: { amount: 500 }, totals: { total: 5_800, tax: 575 }, tenders: [{ kind: 'cash', amount: 5_800, tendered: 10_000 }],
    });
    assert.doesNotThrow(() => checkOfflineSale(discounted, till, rule, now));
    const { lines, discount } = offlineLines(discounted, catalogue, rule);
    assert.deepEqual(lines.map((l) => [l.listAmount, l.discount?.amount, l.orderDiscountShare, l.amount, l.tax]), [[7_000, 700, 500, 5_800, 575]]);
    assert.deepEqual(discount, { kind: 'amount', value: 500, amount: 500, reason: null });
    const line = discounted.lines[0];
    assert.ok(line);
    assert.throws(() => checkOfflineSale({ ...discounted, lines: [{ ...line, net: 5_801 }] }, till, rule, now), refusedAt('lines.0.net', { expected: 5_800 }));
    assert.throws(() => checkOfflineSale({ ...discounted, discount: { amount: 7_000 } }, till, rule, now), refusedAt('discount'));
    // 1 200 of 7 000 is beyond a cashier's 10 %: taken, and flagged for the back office; a manager's is not.
    assert.deepEqual(withDiscountCheck([], lines, true, 10), [{ code: 'DISCOUNT_BEYOND_LIMIT', action: 'discount', amount: 1_200 }]);
    assert.deepEqual(withDiscountCheck([], lines, false, 10), []);
    assert.deepEqual(withDiscountCheck([], lines, true, 20), []);
  });

  it('becomes order lines at the till\'s prices and tax classes, in stock units, with the PPN of each line', () => {
    const { lines, flags } = offlineLines(sale({
      lines: [{ productId: 'tea', unit: 'dus', quantity: 1, unitPrice: 70_000, lineTotal: 70_000, taxClass: 'standard' }],
    }), catalogue, rule);
    assert.deepEqual(lines, [{
      lineNo: 1, productId: 'tea', sku: 'TEA', name: 'Teh', unit: 'dus', quantity: 1, baseQuantity: 24, unitPrice: 70_000, listAmount: 70_000,
      discount: null, orderDiscountShare: 0, amount: 70_000, taxClass: 'standard', tax: 6_937,
    }]);
    assert.deepEqual(flags, []);
  });

  it('a unit price other than the catalogue\'s today is flagged once per product, unit and price, never refused', () => {
    const { lines, flags } = offlineLines(sale({
      lines: [
        { productId: 'tea', unit: 'pcs', quantity: 1, unitPrice: 3_000, lineTotal: 3_000, taxClass: 'standard' },
        { productId: 'tea', unit: 'pcs', quantity: 2, unitPrice: 3_000, lineTotal: 6_000, taxClass: 'standard' },
      ],
    }), catalogue, rule);
    assert.deepEqual(lines.map((line) => line.amount), [3_000, 6_000]);
    assert.deepEqual(flags, [{ code: 'PRICE_DIFFERS', productId: 'tea', unit: 'pcs', tillPrice: 3_000, catalogPrice: 3_500 }]);
  });

  it('an unknown product or unit is refused, and so is a line that is not unit price × quantity, but for goods sold by weight', () => {
    assert.throws(() => offlineLines(sale({ lines: [{ productId: 'coffee', unit: 'pcs', quantity: 1, unitPrice: 1, lineTotal: 1, taxClass: 'standard' }] }), catalogue, rule),
      refusedAt('lines', { productIds: ['coffee'] }));
    assert.throws(() => offlineLines(sale({ lines: [{ productId: 'tea', unit: 'box', quantity: 1, unitPrice: 1, lineTotal: 1, taxClass: 'standard' }] }), catalogue, rule), refusedAt('lines.0.unit'));
    assert.throws(() => offlineLines(sale({ lines: [{ productId: 'tea', unit: 'pcs', quantity: 2, unitPrice: 3_500, lineTotal: 3_500, taxClass: 'standard' }] }), catalogue, rule), refusedAt('lines.0.lineTotal'));
    // A scale's label: 1 kg at 15 000, weighed 1 250 g, priced 18 750.
    const weighed = offlineLines(sale({ lines: [{ productId: 'rice', unit: 'kg', quantity: 1250, unitPrice: 15_000, lineTotal: 18_750, taxClass: 'exempt' }] }), catalogue, rule);
    assert.equal(weighed.lines[0]?.amount, 18_750);
  });

  it('goods sold by weight come in grams and take them as they are; a carton takes its conversion', () => {
    const { lines } = offlineLines(sale({ lines: [
      { productId: 'rice', unit: 'kg', quantity: 1250, unitPrice: 15_000, lineTotal: 18_750, taxClass: 'exempt' },
      { productId: 'tea', unit: 'dus', quantity: 2, unitPrice: 70_000, lineTotal: 140_000, taxClass: 'standard' },
    ] }), catalogue, rule);
    assert.deepEqual(lines.map((line) => [line.productId, line.quantity, line.baseQuantity]), [['rice', 1250, 1250], ['tea', 2, 48]]);
  });

  it('more base units of one product than a 32-bit integer holds is refused, naming it', () => {
    const pallet: CatalogueProduct = { ...tea, id: 'pallet', units: [{ name: 'pallet', conversion: 1_000_000, price: 1 }] };
    assert.throws(() => offlineLines(sale({ lines: [{ productId: 'pallet', unit: 'pallet', quantity: 2148, unitPrice: 1, lineTotal: 2148, taxClass: 'standard' }] }),
      new Map([[pallet.id, pallet]]), rule), refusedAt('lines', { productId: 'pallet' }));
  });

  it('cash keeps what was tendered and the change; an external payment its reference; all paid', () => {
    let next = 0;
    const tenders = offlineTenders(sale({ tenders: [{ kind: 'cash', amount: 2_000, tendered: 5_000 }, { kind: 'external', amount: 5_000, reference: 'EDC-7' }] }), () => `t-${++next}`);
    assert.deepEqual(tenders, [
      { id: 't-1', kind: 'cash', amount: 2_000, status: 'paid', tendered: 5_000, change: 3_000, externalId: null, refundDue: false },
      { id: 't-2', kind: 'external', amount: 5_000, status: 'paid', tendered: null, change: null, externalId: 'EDC-7', refundDue: false },
    ]);
  });

  it('products the stock deduction left oversold are flagged, once however often it is recorded', () => {
    const price = { code: 'PRICE_DIFFERS', productId: 'tea', unit: 'pcs', tillPrice: 3_000, catalogPrice: 3_500 } as const;
    const once = withOversold([price], ['tea']);
    assert.deepEqual(once, [price, { code: 'STOCK_NEGATIVE', productId: 'tea' }]);
    assert.deepEqual(withOversold(once, ['tea']), once);
  });

  it('is late when it arrives after the shop day it was made on has ended, in the shop\'s time zone', () => {
    const soldAt = new Date('2026-03-02T16:30:00Z'); // 23:30 in Jakarta
    assert.equal(arrivedLate(soldAt, new Date('2026-03-02T16:59:59Z'), 'Asia/Jakarta'), false);
    assert.equal(arrivedLate(soldAt, new Date('2026-03-02T17:00:00Z'), 'Asia/Jakarta'), true); // midnight in Jakarta
    assert.equal(arrivedLate(soldAt, new Date('2026-03-02T17:00:00Z'), 'UTC'), false);
  });
});

describe('the saga step that records an offline sale\'s stock', () => {
  it('is retried while inventory has not learnt a product yet, and parked when inventory refuses it for good', () => {
    const unknown = new RemoteCallError('inventory', 'not_found', 'INVENTORY.PRODUCT_UNKNOWN', 'unknown products: p-1');
    assert.equal(isFinalRefusal(unknown), true, 'left as it is, the step would be parked');
    assert.equal(isFinalRefusal(recordSaleFailure(unknown, 'o-1')), false);
    const reused = new RemoteCallError('inventory', 'conflict', 'INVENTORY.ORDER_ID_REUSED', 'other lines');
    assert.equal(isFinalRefusal(recordSaleFailure(reused, 'o-1')), true);
  });
});

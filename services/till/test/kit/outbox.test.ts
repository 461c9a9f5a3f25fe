import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addScaleLabel, addUnits, emptyCart, type SellableProduct } from '../../web/kit/cart.ts';
import { classifyUpload, recordSale, retryDelayMs, RETRY_CAP_MS, uploadBody, uploadPath, type OfflineSale } from '../../web/kit/outbox.ts';
import { DEFAULT_TAX_RATES, taxRuleOn } from '../../web/kit/tax.ts';
import { payCash, payElsewhere } from '../../web/kit/tenders.ts';

const rule = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', true);
const water: SellableProduct = { id: 'p-water', name: 'Air mineral', taxClass: 'standard', weighed: false, units: [{ name: 'pcs', conversion: 1, price: 3_500 }] };
const rice: SellableProduct = { id: 'p-rice', name: 'Beras', taxClass: 'exempt', weighed: true, units: [{ name: 'kg', conversion: 1000, price: 14_000 }] };
const facts = { id: '0b6f7a52-3c1e-4d8e-9a43-5f2d1c7e8b90', receiptNumber: 'T01-000042', soldAt: new Date('2025-06-01T03:04:05.000Z'), outletId: 'outlet-1' };

function aSale(): OfflineSale {
  const cart = addScaleLabel(addUnits(emptyCart(), water, 'pcs', 3), rice, { plu: '01234', carries: 'weight', grams: 1250 });
  // 10 500 + 17 500 = 28 000: 10 000 on a card, 18 000 out of a 20 000 note
  const tenders = payCash(28_000, payElsewhere(28_000, [], 10_000, 'EDC 778899'), 20_000);
  return recordSale(facts, cart, rule, tenders);
}

describe('till outbox: offline sales for PUT /offline-sales/:id', () => {
  it('the body is exactly the contract\'s: lines with their totals, frozen totals, tenders', () => {
    assert.equal(uploadPath(aSale()), '/api/order/offline-sales/0b6f7a52-3c1e-4d8e-9a43-5f2d1c7e8b90');
    assert.deepEqual(uploadBody(aSale()), {
      receiptNumber: 'T01-000042', soldAt: '2025-06-01T03:04:05.000Z', outletId: 'outlet-1',
      lines: [
        { productId: 'p-water', unit: 'pcs', quantity: 3, unitPrice: 3_500, lineTotal: 10_500, taxClass: 'standard' },
        { productId: 'p-rice', unit: 'kg', quantity: 1250, unitPrice: 14_000, lineTotal: 17_500, taxClass: 'exempt' },
      ],
      totals: { total: 28_000, tax: 1_041 },
      tenders: [{ kind: 'external', amount: 10_000, reference: 'EDC 778899' }, { kind: 'cash', amount: 18_000, tendered: 20_000 }],
    });
  });

  it('a sale kept in IndexedDB and sent again gives the very same body (the server answers the same order)', () => {
    const sale = aSale();
    const stored = JSON.parse(JSON.stringify(sale)) as OfflineSale;
    assert.equal(JSON.stringify(uploadBody(stored)), JSON.stringify(uploadBody(sale)));
  });

  it('a sale is recorded only whole: a UUID, a receipt number, a line, and tenders that pay exactly the total', () => {
    const cart = addUnits(emptyCart(), water, 'pcs');
    const paid = payCash(3_500, [], 5_000);
    assert.throws(() => recordSale({ ...facts, id: 'sale-1' }, cart, rule, paid), RangeError);
    assert.throws(() => recordSale({ ...facts, receiptNumber: '42' }, cart, rule, paid), RangeError);
    assert.throws(() => recordSale(facts, emptyCart(), rule, paid), RangeError);
    assert.throws(() => recordSale(facts, cart, rule, payCash(3_500, [], 2_000)), RangeError);
    assert.equal(recordSale(facts, cart, rule, paid).totals.total, 3_500);
  });

  it('2xx is done, with the flags the back office will see', () => {
    const flags = [{ code: 'PRICE_DIFFERS', productId: 'p-water', tillPrice: 3_500, catalogPrice: 4_000 }, { code: 'STOCK_NEGATIVE', productId: 'p-rice' }];
    assert.deepEqual(classifyUpload(201, { order: {}, flags }), { kind: 'done', flags });
    assert.deepEqual(classifyUpload(200, { order: {} }), { kind: 'done', flags: [] });
  });

  it('409, 422 and 403 need attention, with the server\'s code and reason', () => {
    const conflict = { error: { code: 'OFFLINE_SALE.CONFLICT', message: 'sale 0b6f… was sent before with another body' } };
    assert.deepEqual(classifyUpload(409, conflict), { kind: 'needs-attention', code: 'OFFLINE_SALE.CONFLICT', reason: 'sale 0b6f… was sent before with another body' });
    assert.equal(classifyUpload(422, { error: { code: 'OFFLINE_SALE.INVALID', message: 'unknown product' } }).kind, 'needs-attention');
    assert.deepEqual(classifyUpload(403, { error: { code: 'TILL.REVOKED', message: 'revoked' } }), { kind: 'needs-attention', code: 'TILL.REVOKED', reason: 'revoked' });
    assert.deepEqual(classifyUpload(400, 'not json'), { kind: 'needs-attention', code: 'HTTP_400', reason: 'the server cannot read this sale' });
  });

  it('no answer, 5xx, 408, 429, 401 and 404 are tried again', () => {
    assert.deepEqual(classifyUpload(null, undefined), { kind: 'retry', code: 'NETWORK', reason: 'no answer from the server' });
    for (const status of [500, 502, 503, 504, 408, 429, 401, 404]) assert.equal(classifyUpload(status, {}).kind, 'retry', String(status));
    assert.deepEqual(classifyUpload(503, { error: { code: 'DEPENDENCY.UNAVAILABLE', message: 'order store away' } }),
      { kind: 'retry', code: 'DEPENDENCY.UNAVAILABLE', reason: 'order store away' });
  });

  it('retries back off by doubling from 2 s, each wait jittered between half and all of it, never above 5 minutes', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0)), [1_000, 2_000, 4_000, 8_000]);
    assert.deepEqual([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0.999_999)), [2_000, 4_000, 8_000, 16_000]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
      const delay = retryDelayMs(attempt, () => r);
      assert.ok(delay >= 1_000 && delay <= RETRY_CAP_MS, String(delay));
    }));
    assert.equal(retryDelayMs(50, () => 0), RETRY_CAP_MS / 2);
  });
});

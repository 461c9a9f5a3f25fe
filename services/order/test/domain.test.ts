// The pure rules of orders: statuses, PPN, pricing, tenders, receipts. No stack needed.
import assert from 'node:assert/strict';
import { mayTransition, transition } from '../src/domain/order-status.ts';
import type { Order } from '../src/domain/order.ts';
import { priceLines, type CatalogueProduct } from '../src/domain/pricing.ts';
import { RECEIPT_WIDTH, receiptOf, receiptText } from '../src/domain/receipt.ts';
import { DEFAULT_TAX_RATES, includedTax, taxRuleFor, type TaxRates } from '../src/domain/tax.ts';
import { applyOutcome, cashTender, isCovered, type Tender } from '../src/domain/tenders.ts';

const registered = taxRuleFor(DEFAULT_TAX_RATES, '2026-11-25', true);
const product = (id: string, taxClass: CatalogueProduct['taxClass'], price: number, active = true): CatalogueProduct =>
  ({ id, sku: `SKU-${id}`, name: `Product ${id}`, taxClass, active, units: [{ name: 'pcs', conversion: 1, price }, { name: 'dus', conversion: 24, price: price * 20 }] });
const catalogue = new Map([product('tea', 'standard', 3_500), product('perfume', 'luxury', 1_120_000), product('rice', 'exempt', 15_000), product('old', 'standard', 100, false)].map((p) => [p.id, p]));

describe('order statuses', () => {
  it('a pending order may become paid, cancelled or expired, and a final one nothing', () => {
    assert.ok(mayTransition('pending', 'paid') && mayTransition('pending', 'cancelled') && mayTransition('pending', 'expired'));
    for (const final of ['paid', 'cancelled', 'expired'] as const) {
      for (const to of ['pending', 'paid', 'cancelled', 'expired'] as const) assert.equal(mayTransition(final, to), false, `${final} -> ${to}`);
    }
  });

  it('a forbidden transition is a 409 naming the current status', () => {
    assert.throws(() => transition('o-1', 'paid', 'cancelled'), { code: 'ORDER.PAID', kind: 'conflict' });
  });
});

describe('PPN on tax-inclusive prices (rules since 2025)', () => {
  it('ordinary goods carry 11/111 of the price (12% on a base of 11/12), rounded half up', () => {
    assert.equal(includedTax(111_000, 'standard', registered), 11_000);
    assert.equal(includedTax(3_500, 'standard', registered), 347); // 346.85 -> 347
  });

  it('luxury goods carry 12/112 of the price, exempt goods none', () => {
    assert.equal(includedTax(1_120_000, 'luxury', registered), 120_000);
    assert.equal(includedTax(15_000, 'exempt', registered), 0);
  });

  it('a shop not registered for VAT charges none on any class', () => {
    const unregistered = taxRuleFor(DEFAULT_TAX_RATES, '2026-11-25', false);
    assert.equal(includedTax(111_000, 'standard', unregistered), 0);
    assert.equal(includedTax(1_120_000, 'luxury', unregistered), 0);
  });

  it('the rates in force on the day apply: an order before a change keeps the old rate', () => {
    const rates: TaxRates[] = [
      { effectiveFrom: '2022-04-01', ratePercent: 11, baseFraction: { standard: [1, 1], luxury: [1, 1] } },
      ...DEFAULT_TAX_RATES,
    ];
    assert.equal(includedTax(111_000, 'standard', taxRuleFor(rates, '2024-12-31', true)), 11_000); // 11% on the full price
    assert.equal(includedTax(112_000, 'luxury', taxRuleFor(rates, '2024-12-31', true)), 11_099); // 11/111 of 112000 = 11099.1
    assert.equal(taxRuleFor(rates, '2025-01-01', true).effectiveFrom, '2025-01-01');
  });

  it('per tax class the base and the tax add up to the class total, and the classes to the order total, to the Rupiah', () => {
    const priced = priceLines([
      { productId: 'tea', quantity: 7 }, { productId: 'tea', unit: 'dus', quantity: 1 }, { productId: 'perfume', quantity: 1 }, { productId: 'rice', quantity: 3 },
    ], catalogue, registered);
    assert.equal(priced.total, 7 * 3_500 + 70_000 + 1_120_000 + 45_000);
    assert.equal(priced.taxes.reduce((sum, t) => sum + t.base + t.tax, 0), priced.total);
    for (const t of priced.taxes) assert.equal(t.base + t.tax, t.gross);
    assert.deepEqual(priced.taxes.map((t) => [t.taxClass, t.tax]), [['standard', 2_428 + 6_937], ['luxury', 120_000], ['exempt', 0]]);
  });
});

describe('pricing a checkout', () => {
  it('an unknown product is a 422 naming it and an inactive one a 409 naming it', () => {
    assert.throws(() => priceLines([{ productId: 'nope', quantity: 1 }], catalogue, registered), (e: Error & { code: string; details: unknown }) =>
      e.code === 'ORDER.PRODUCT_UNKNOWN' && JSON.stringify(e.details) === '{"productIds":["nope"]}');
    assert.throws(() => priceLines([{ productId: 'old', quantity: 1 }], catalogue, registered), (e: Error & { code: string; details: unknown }) =>
      e.code === 'ORDER.PRODUCT_INACTIVE' && JSON.stringify(e.details) === '{"productIds":["old"]}');
  });

  it('a unit the product is not sold by is refused', () => {
    assert.throws(() => priceLines([{ productId: 'tea', unit: 'crate', quantity: 1 }], catalogue, registered), { code: 'ORDER.UNIT_UNKNOWN' });
  });

  it('a carton takes its conversion in base units of stock', () => {
    assert.equal(priceLines([{ productId: 'tea', unit: 'dus', quantity: 2 }], catalogue, registered).lines[0]?.baseQuantity, 48);
  });

  it('a scale label takes its weight as it is, in base units: 1 250 g of rice sold by the kg takes 1 250 g', () => {
    const rice: CatalogueProduct = { id: 'beras', sku: 'BERAS', name: 'Beras', taxClass: 'exempt', active: true, weighed: true, units: [{ name: 'kg', conversion: 1000, price: 14_000 }] };
    const [line] = priceLines([{ productId: 'beras', unit: 'kg', quantity: 1250, labelPrice: 17_500 }], new Map([[rice.id, rice]]), registered).lines;
    assert.deepEqual([line?.unit, line?.quantity, line?.baseQuantity, line?.amount], ['kg', 1250, 1250, 17_500]);
    assert.throws(() => priceLines([{ productId: 'beras', unit: 'kg', quantity: 0, labelPrice: 0 }], new Map([[rice.id, rice]]), registered),
      { code: 'ORDER.SCALE_LABEL_EMPTY', kind: 'unprocessable' });
  });

  it('more base units of one product than a 32-bit integer holds is a 422 naming it, never a wrapped quantity', () => {
    const sack: CatalogueProduct = { id: 'sack', sku: 'SACK', name: 'Sak', taxClass: 'exempt', active: true, units: [{ name: 'g', conversion: 1, price: 1 }, { name: 'ton', conversion: 1_000_000, price: 1 }] };
    const catalogueOfSacks = new Map([[sack.id, sack]]);
    assert.equal(priceLines([{ productId: 'sack', unit: 'ton', quantity: 2147 }], catalogueOfSacks, registered).lines[0]?.baseQuantity, 2_147_000_000);
    const tooMuch = (error: Error & { code?: string; details?: unknown }) => error.code === 'ORDER.QUANTITY_TOO_LARGE' && JSON.stringify(error.details) === '{"productId":"sack"}';
    assert.throws(() => priceLines([{ productId: 'sack', unit: 'ton', quantity: 2148 }], catalogueOfSacks, registered), tooMuch);
    // Each line fits; together they do not.
    assert.throws(() => priceLines([{ productId: 'sack', unit: 'ton', quantity: 2147 }, { productId: 'sack', unit: 'g', quantity: 100_000 }, { productId: 'sack', unit: 'ton', quantity: 1 }], catalogueOfSacks, registered), tooMuch);
  });
});

const tender = (changes: Partial<Tender>): Tender =>
  ({ id: 't-1', kind: 'qris', amount: 10_000, status: 'pending', tendered: null, change: null, externalId: null, refundDue: false, ...changes });

describe('tenders', () => {
  it('cash over the amount due pays it and gives the rest as change', () => {
    const cash = cashTender('c', 48_500, [], 50_000);
    assert.deepEqual([cash.amount, cash.change, cash.status], [48_500, 1_500, 'paid']);
  });

  it('cash beside a pending QRIS pays only the rest, and the order is paid once the QRIS is', () => {
    const qris = tender({ amount: 30_000 });
    const cash = cashTender('c', 50_000, [qris], 20_000);
    assert.deepEqual([cash.amount, cash.change], [20_000, 0]);
    assert.equal(isCovered(50_000, [qris, cash]), false);
    const paid = applyOutcome(qris, { status: 'paid', amount: 30_000, externalId: 'mt-1' }, true);
    assert.ok(paid !== 'ignore');
    assert.equal(isCovered(50_000, [paid, cash]), true);
  });

  it('a replayed outcome and a cancel after paid change nothing; paid after cancelled is kept and flagged for refund', () => {
    const paid = tender({ status: 'paid' });
    assert.equal(applyOutcome(paid, { status: 'paid', amount: 10_000 }, true), 'ignore');
    assert.equal(applyOutcome(paid, { status: 'cancelled', amount: 10_000 }, true), 'ignore');
    const late = applyOutcome(tender({ status: 'cancelled' }), { status: 'paid', amount: 10_000 }, false);
    assert.ok(late !== 'ignore' && late.status === 'paid' && late.refundDue);
  });

  it('money for an order that has ended is recorded and flagged for refund', () => {
    const late = applyOutcome(tender({}), { status: 'paid', amount: 10_000 }, false);
    assert.ok(late !== 'ignore' && late.refundDue);
  });

  it('an outcome whose amount differs from the tender is refused', () => {
    assert.throws(() => applyOutcome(tender({}), { status: 'paid', amount: 9_999 }, true), { code: 'ORDER.TENDER_AMOUNT_MISMATCH' });
  });
});

describe('receipts', () => {
  const priced = priceLines([{ productId: 'tea', quantity: 2 }, { productId: 'perfume', quantity: 1 }], catalogue, registered);
  const order: Order = {
    id: 'o-1', status: 'paid', outletId: 'JKT1', tillId: 'T1', receiptSeq: 42, cashierId: 'u-1', cashierName: 'Sari', total: priced.total,
    discount: priced.discount, taxes: priced.taxes, taxRule: registered, seller: { name: 'Toko Maju', address: 'Jl. Merdeka 1, Jakarta', npwp: '01.234.567.8-901.000' },
    expiresAt: new Date(), createdAt: new Date('2026-11-25T02:00:00Z'), paidAt: new Date('2026-11-25T02:01:00Z'), endedAt: null, lines: priced.lines,
    tenders: [{ id: 'c', kind: 'cash', amount: priced.total, status: 'paid', tendered: 1_130_000, change: 1_130_000 - priced.total, externalId: null, refundDue: false }],
  };

  it('the text receipt fits 48 columns and shows the NPWP, totals, tendered and change and the PPN per class', () => {
    const text = receiptText(receiptOf(order, 'Asia/Jakarta'));
    for (const line of text.split('\n')) assert.ok(line.length <= RECEIPT_WIDTH, `too wide: "${line}"`);
    assert.match(text, /NPWP 01\.234\.567\.8-901\.000/);
    assert.match(text, /JKT1-T1-000042/);
    assert.match(text, /2026-11-25 09:01:00/); // Jakarta time
    assert.match(text, /TOTAL +1\.127\.000/);
    assert.match(text, /Kembali +3\.000/);
    assert.match(text, /PPN barang mewah atas 1\.000\.000 +120\.000/);
  });

  it('a discounted sale\'s receipt shows each discount, and its lines, subtotal, discounts and total add up', () => {
    const discounted = priceLines([
      { productId: 'tea', quantity: 2, discount: { percent: 10 } }, { productId: 'rice', quantity: 1, discount: { amount: 1_000, reason: 'karung sobek' } },
    ], catalogue, registered, { percent: 5 });
    const receipt = receiptOf({ ...order, lines: discounted.lines, total: discounted.total, discount: discounted.discount, taxes: discounted.taxes }, 'Asia/Jakarta');
    // 7 000 − 700 + 15 000 − 1 000 = 20 300; 5 % of it is 1 015; the total 19 285.
    assert.deepEqual([receipt.subtotal, receipt.discount?.amount, receipt.total, receipt.discountTotal], [20_300, 1_015, 19_285, 2_715]);
    assert.equal(receipt.lines.reduce((sum, line) => sum + line.amount, 0), receipt.total);
    const text = receiptText(receipt);
    for (const line of text.split('\n')) assert.ok(line.length <= RECEIPT_WIDTH, `too wide: "${line}"`);
    assert.match(text, /2 pcs x 3\.500 +7\.000\n +Diskon 10% +-700\n/);
    assert.match(text, /Ubah harga \(karung sobek\) +-1\.000\n/);
    assert.match(text, /SUBTOTAL +20\.300\nDiskon 5% +-1\.015\nTOTAL +19\.285\nAnda hemat +2\.715\n/);
  });

  it('an unpaid order has no receipt', () => {
    assert.throws(() => receiptOf({ ...order, status: 'pending' }, 'Asia/Jakarta'), { code: 'ORDER.NOT_PAID' });
  });
});

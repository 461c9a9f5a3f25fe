// The till's discounts: the order service's rules on the till (rounding, spreading, bounds), a
// cart that refuses a discount beyond what it is taken from, the upload body carrying the
// discounts as given with what each line came to, and the receipt showing each one.
import assert from 'node:assert/strict';
import { addUnits, CartError, cartTotals, emptyCart, pricedLines, removeLine, setLineDiscount, setQuantity, setSaleDiscount, type SellableProduct } from '../../web/kit/cart.ts';
import { beyondLimit, discountAmount, discountLines, spread } from '../../web/kit/discounts.ts';
import { recordSale, uploadBody } from '../../web/kit/outbox.ts';
import { receiptOfSale, receiptText } from '../../web/kit/receipt.ts';
import { DEFAULT_TAX_RATES, taxInside, taxRuleOn } from '../../web/kit/tax.ts';
import { payCash } from '../../web/kit/tenders.ts';
import { nth } from './support.ts';

const rule = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', true);
const tea: SellableProduct = { id: 'p-tea', name: 'Teh botol', taxClass: 'standard', weighed: false, units: [{ name: 'pcs', conversion: 1, price: 3_500 }] };
const rice: SellableProduct = { id: 'p-rice', name: 'Beras 5 kg', taxClass: 'exempt', weighed: false, units: [{ name: 'pcs', conversion: 1, price: 15_000 }] };
const refusal = (error: unknown) => error instanceof CartError && error.code === 'DISCOUNT_INVALID';
const facts = { id: '0b6f7a52-3c1e-4d8e-9a43-5f2d1c7e8b90', receiptNumber: 'T01-000042', soldAt: new Date('2025-06-01T03:04:05Z'), outletId: 'outlet-1' };

/** 4 teas (14 000) less 10 %, a sack of rice (15 000), 1 380 off the sale: 26 220. */
function discountedCart() {
  let cart = addUnits(addUnits(emptyCart(), tea, 'pcs', 4), rice, 'pcs');
  cart = setLineDiscount(cart, nth(cart.lines, 0).id, { percent: 10 });
  return setSaleDiscount(cart, { amount: 1_380 });
}

describe('till discounts', () => {
  it('percents round half up; the sale\'s discount is spread by largest remainder, adding up exactly', () => {
    assert.equal(discountAmount({ percent: 15 }, 9_990), 1_499);
    assert.deepEqual(spread(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(spread(1_111, [3_000, 6_000, 1_000]), [333, 667, 111]);
    const { lines, total } = discountLines([{ listAmount: 14_000, discount: { percent: 10 } }, { listAmount: 15_000 }], { amount: 1_380 });
    assert.deepEqual(lines.map((l) => [l.discountAmount, l.orderDiscountShare, l.amount]), [[1_400, 630, 11_970], [0, 750, 14_250]]);
    assert.equal(total, 26_220);
  });

  it('the cart prices each line after its discounts, with the PPN on what it comes to', () => {
    const cart = discountedCart();
    const lines = pricedLines(cart, rule);
    assert.deepEqual(lines.map((l) => [l.listAmount, l.amount, l.tax]), [[14_000, 11_970, taxInside(11_970, 'standard', rule)], [15_000, 14_250, 0]]);
    const totals = cartTotals(cart, rule);
    assert.deepEqual([totals.subtotal, totals.saleDiscount, totals.total, totals.discountTotal, totals.tax], [27_600, 1_380, 26_220, 2_780, lines[0]?.tax]);
    assert.equal(totals.byClass.reduce((sum, c) => sum + c.gross, 0), totals.total);
  });

  it('a discount beyond 0–100 % or beyond what it is taken from is refused, and so is a change that would leave one so', () => {
    const cart = discountedCart();
    assert.throws(() => setLineDiscount(cart, nth(cart.lines, 0).id, { percent: 101 }), refusal);
    assert.throws(() => setLineDiscount(cart, nth(cart.lines, 1).id, { amount: 15_001 }), refusal);
    assert.throws(() => setSaleDiscount(cart, { amount: 27_601 }), refusal);
    assert.throws(() => setLineDiscount(cart, nth(cart.lines, 1).id, { amount: 100, reason: ' ' }), refusal);
    assert.throws(() => removeLine(setSaleDiscount(cart, { amount: 20_000 }), nth(cart.lines, 1).id), refusal); // 20 000 off 12 600
    const teaOff = setLineDiscount(setSaleDiscount(cart, undefined), nth(cart.lines, 0).id, { amount: 14_000 });
    assert.throws(() => setQuantity(teaOff, nth(cart.lines, 0).id, 1), refusal); // 14 000 off one tea of 3 500
    assert.equal(cartTotals(teaOff, rule).total, 15_000);
  });

  it('beyond the cashier\'s limit, as the order service counts it', () => {
    const cart = discountedCart();
    assert.equal(beyondLimit(pricedLines(cart, rule), 10), false); // 10 % on tea, 2 780 of 29 000 in all
    assert.equal(beyondLimit(pricedLines(setSaleDiscount(cart, { percent: 5 }), rule), 10), false); // 1 400 + 1 330 of 29 000: 9.4 %
    assert.equal(beyondLimit(pricedLines(setSaleDiscount(cart, { percent: 10 }), rule), 10), true); // 1 400 + 2 660: 14 %
    assert.equal(beyondLimit(pricedLines(setLineDiscount(cart, nth(cart.lines, 1).id, { amount: 1_501, reason: 'sobek' }), rule), 10), true);
  });

  it('the upload carries each line\'s price before discounts, its discount as given and what it came to; the receipt shows each discount', () => {
    const cart = discountedCart();
    const sale = recordSale(facts, cart, rule, payCash(26_220, [], 30_000));
    const body = uploadBody(sale);
    assert.deepEqual(body.lines.map((l) => [l.lineTotal, l.discount, l.net]), [[14_000, { percent: 10 }, 11_970], [15_000, undefined, 14_250]]);
    assert.deepEqual([body.discount, body.totals.total], [{ amount: 1_380 }, 26_220]);
    const text = receiptText(receiptOfSale(sale, { header: ['TOKO'], cashier: 'Budi', timeZone: 'Asia/Jakarta' }), 48, 'id');
    assert.match(text, / {2}4 pcs x 3\.500 +14\.000\n {2}Diskon 10% +-1\.400\n/);
    assert.match(text, /SUBTOTAL +27\.600\nDiskon +-1\.380\nTOTAL +26\.220\nAnda hemat +2\.780\n/);
    assert.ok(text.split('\n').every((line) => line.length <= 48));
  });
});

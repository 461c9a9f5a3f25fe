import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addScaleLabel, addUnits, emptyCart, type SellableProduct } from '../../web/kit/cart.ts';
import { recordSale } from '../../web/kit/outbox.ts';
import { opensDrawer, PAPER_COLUMNS, receiptEscPos, receiptLines, receiptOfSale, receiptText, type ReceiptModel } from '../../web/kit/receipt.ts';
import { formatAmount } from '../../web/kit/money.ts';
import { DEFAULT_TAX_RATES, taxRuleOn } from '../../web/kit/tax.ts';
import { payCash, payElsewhere } from '../../web/kit/tenders.ts';
import { decodeEscPos, type PrinterEvent } from './escpos-decoder.ts';

const rule = taxRuleOn(DEFAULT_TAX_RATES, '2025-06-01', true);
const water: SellableProduct = { id: 'p-water', name: 'Air mineral 600 ml', taxClass: 'standard', weighed: false, units: [{ name: 'pcs', conversion: 1, price: 3_500 }] };
const rice: SellableProduct = { id: 'p-rice', name: 'Beras curah', taxClass: 'exempt', weighed: true, units: [{ name: 'kg', conversion: 1000, price: 14_000 }] };
const shop = { header: ['TOKO MAJU JAYA', 'Jl. Merdeka 10, Bandung'], cashier: 'Budi', timeZone: 'Asia/Jakarta' };
const facts = { id: '0b6f7a52-3c1e-4d8e-9a43-5f2d1c7e8b90', receiptNumber: 'T01-000042', soldAt: new Date('2025-06-01T03:04:05Z'), outletId: 'outlet-1' };

function receipt(copy = false, pay: 'cash' | 'card' = 'cash'): ReceiptModel {
  const cart = addScaleLabel(addUnits(emptyCart(), water, 'pcs', 3), rice, { plu: '01234', carries: 'weight', grams: 1250 });
  const tenders = pay === 'cash' ? payCash(28_000, payElsewhere(28_000, [], 10_000, 'EDC 778899'), 20_000) : payElsewhere(28_000, []);
  return receiptOfSale(recordSale(facts, cart, rule, tenders), shop, copy);
}

const lines = (events: PrinterEvent[]) => events.flatMap((e) => (e.kind === 'line' ? [e.text] : []));

describe('till receipt', () => {
  it('on 80 mm paper: header, number, cashier and shop time, lines, total, tenders, change, PPN by class', () => {
    assert.equal(receiptText(receipt(), PAPER_COLUMNS['80mm'], 'id'), [
      '                 TOKO MAJU JAYA',
      '            Jl. Merdeka 10, Bandung',
      '------------------------------------------------',
      'No T01-000042',
      'Kasir Budi                   2025-06-01 10:04:05',
      'Dicatat offline',
      '------------------------------------------------',
      'Air mineral 600 ml',
      '  3 pcs x 3.500                           10.500',
      'Beras curah',
      '  1,25 kg x 14.000                        17.500',
      '------------------------------------------------',
      'TOTAL                                     28.000',
      'Bayar lain                                10.000',
      '  ref EDC 778899',
      'Tunai                                     20.000',
      'Kembali                                    2.000',
      '------------------------------------------------',
      'PPN atas 9.459                             1.041',
      'Bebas PPN atas 17.500                          0',
      '            Harga sudah termasuk PPN',
      '                  Terima kasih',
      '',
    ].join('\n'));
  });

  it('a reprint says COPY at its top and its bottom; the original does not', () => {
    const copy = receiptLines(receipt(true), 32, 'en');
    assert.equal(copy.filter((line) => line.trim() === '*** COPY ***').length, 2);
    assert.equal(copy.at(-1)?.trim(), '*** COPY ***');
    assert.ok(copy.indexOf('         *** COPY ***') < copy.findIndex((line) => line.startsWith('No ')));
    assert.equal(receiptLines(receipt(false), 32, 'en').some((line) => line.includes('COPY')), false);
    assert.equal(receiptLines(receipt(true), 48, 'id').filter((line) => line.includes('SALINAN')).length, 2);
  });

  it('on 58 mm paper no line is wider than 32 and each amount is whole at the right edge', () => {
    const text = receiptLines(receipt(), PAPER_COLUMNS['58mm'], 'id');
    assert.ok(text.every((line) => line.length <= 32));
    assert.ok(text.includes('TOTAL                     28.000'));
    assert.ok(text.includes('  1,25 kg x 14.000        17.500'));
  });

  it('long names wrap; amounts are never cut, whatever the name, amount and paper', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,40}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
    const amount = fc.integer({ min: 0, max: 999_999_999_999 });
    fc.assert(fc.property(fc.array(fc.record({ name, amount, unitPrice: amount }), { minLength: 1, maxLength: 4 }), fc.constantFrom(32, 48), (items, columns) => {
      const model: ReceiptModel = {
        ...receipt(), lines: items.map((item) => ({ name: item.name, quantity: '100.000 karung', unitPrice: item.unitPrice, amount: item.amount })),
      };
      const text = receiptLines(model, columns, 'id');
      assert.ok(text.every((line) => line.length <= columns), text.find((line) => line.length > columns));
      for (const item of items) {
        assert.ok(text.some((line) => line.endsWith(` ${formatAmount(item.amount)}`) || line.trim() === formatAmount(item.amount)), formatAmount(item.amount));
        const words = text.join(' ').split(/\s+/);
        for (const w of item.name.split(' ')) assert.ok(w.length > columns || words.includes(w), `${w} lost`);
      }
    }), { numRuns: 200 });
  });

  it('ESC/POS: the drawer is kicked before the text, then every text line, then a cut', () => {
    const events = decodeEscPos(receiptEscPos(receipt(), 48, 'id'));
    const kick = events.findIndex((e) => e.kind === 'drawer');
    const firstLine = events.findIndex((e) => e.kind === 'line');
    const cut = events.findIndex((e) => e.kind === 'cut');
    assert.ok(kick >= 0 && kick < firstLine && firstLine < cut, JSON.stringify(events.map((e) => e.kind)));
    assert.deepEqual(events[kick], { kind: 'drawer', pin: 0, onMs: 100, offMs: 500 });
    assert.equal(events.filter((e) => e.kind === 'cut').length, 1);
    // The encoder ends the kick with a line feed, and feeds paper before the cut: blank lines only.
    const printed = lines(events.slice(0, cut)).join('\n').replace(/^\n+|\n+$/g, '');
    assert.equal(printed, receiptLines(receipt(), 48, 'id').join('\n'));
  });

  it('ESC/POS: no drawer kick for a copy, nor for a sale paid without cash', () => {
    for (const model of [receipt(true), receipt(false, 'card')]) {
      assert.equal(opensDrawer(model), false);
      const events = decodeEscPos(receiptEscPos(model, 32, 'en'));
      assert.equal(events.some((e) => e.kind === 'drawer'), false);
      assert.equal(events.filter((e) => e.kind === 'cut').length, 1);
      assert.ok(lines(events).includes('TOTAL                     28.000'));
    }
    assert.equal(opensDrawer(receipt()), true);
  });
});

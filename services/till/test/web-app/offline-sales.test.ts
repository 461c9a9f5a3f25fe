// Recording a sale on the till (web/app/offline-sales.ts) against IndexedDB (fake-indexeddb,
// no browser): the sale, its UUID and receipt number, the cleared cart and the last number
// are one transaction.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { db, readKv, writeKv, type StoredProduct } from '../../web/app/db.ts';
import { emptyDraft, type Draft } from '../../web/app/draft.ts';
import { recordSale } from '../../web/app/offline-sales.ts';
import type { Device } from '../../web/app/session.ts';
import { addUnits, emptyCart, type Cart } from '../../web/kit/cart.ts';

const device: Device = { tillId: '6b1f3c1e-8a57-4d6a-9a55-1f0e4b7c2d10', tillKey: 'k', code: 'T01', outletId: 'JKT1', name: 'T01' };
const tea: StoredProduct = {
  id: 'tea', sku: 'TEH', name: 'Teh botol', baseUnit: 'pcs', taxClass: 'standard', weighed: false, active: true, productVersion: 1, available: 10,
  units: [{ name: 'pcs', barcode: '8991234567891', conversion: 1, price: 3_500 }], codes: [], words: [],
};
const cartOf = (quantity: number): Cart => addUnits(emptyCart(), tea, 'pcs', quantity);
const cash = (amount: number) => [{ kind: 'cash' as const, amount, tendered: amount }];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('a sale recorded on the till', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('three sales get T01-000001 to T01-000003, each its own UUID, and each empties the cart', async () => {
    const recorded = [];
    for (const quantity of [1, 2, 3]) {
      await writeKv('draft', { ...emptyDraft(), cart: cartOf(quantity) } satisfies Draft);
      recorded.push((await recordSale(device, 'Ani', cartOf(quantity), cash(3_500 * quantity))).sale);
      assert.deepEqual((await readKv<Draft>('draft'))?.cart.lines, []);
    }
    assert.deepEqual(recorded.map((sale) => sale.receiptNumber), ['T01-000001', 'T01-000002', 'T01-000003']);
    assert.ok(recorded.every((sale) => UUID.test(sale.id)));
    assert.equal(new Set(recorded.map((sale) => sale.id)).size, 3);
    assert.deepEqual((await db.sales.orderBy('receiptNumber').toArray()).map((sale) => [sale.state, sale.body.totals.total]),
      [['waiting', 3_500], ['waiting', 7_000], ['waiting', 10_500]]);
  });

  it('a sale that cannot be recorded (tenders short of the total) writes nothing: no sale, no number used, the cart kept', async () => {
    await recordSale(device, 'Ani', cartOf(1), cash(3_500));
    await writeKv('draft', { ...emptyDraft(), cart: cartOf(2) } satisfies Draft);
    await assert.rejects(recordSale(device, 'Ani', cartOf(2), cash(3_500)), RangeError);
    assert.equal(await db.sales.count(), 1);
    assert.equal((await readKv<Draft>('draft'))?.cart.lines.length, 1);
    assert.equal((await recordSale(device, 'Ani', cartOf(2), cash(7_000))).sale.receiptNumber, 'T01-000002');
  });

  it('numbers go on after the database is closed and opened again, as after a reload', async () => {
    await recordSale(device, 'Ani', cartOf(1), cash(3_500));
    db.close();
    await db.open();
    assert.equal((await recordSale(device, 'Ani', cartOf(1), cash(3_500))).sale.receiptNumber, 'T01-000002');
  });

  it('sales recorded at the same moment never share a number', async () => {
    const sales = await Promise.all([1, 2, 3, 4].map(() => recordSale(device, 'Ani', cartOf(1), cash(3_500))));
    assert.deepEqual(sales.map(({ sale }) => sale.receiptNumber).sort(), ['T01-000001', 'T01-000002', 'T01-000003', 'T01-000004']);
  });

  it('the upload body is made once, with the sale: the fields of the contract and the frozen totals of the till', async () => {
    const { sale } = await recordSale(device, 'Ani', cartOf(2), [{ kind: 'cash', amount: 7_000, tendered: 10_000 }]);
    assert.deepEqual(sale.body, {
      receiptNumber: 'T01-000001', soldAt: sale.soldAt, outletId: 'JKT1',
      lines: [{ productId: 'tea', unit: 'pcs', quantity: 2, unitPrice: 3_500, lineTotal: 7_000, taxClass: 'standard' }],
      totals: { total: 7_000, tax: 694 }, tenders: [{ kind: 'cash', amount: 7_000, tendered: 10_000 }],
    });
    assert.deepEqual((await db.sales.get(sale.id))?.body, sale.body);
  });
});

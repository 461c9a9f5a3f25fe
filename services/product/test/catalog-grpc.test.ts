import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { withCheckDigit } from '../src/domain/barcode.ts';
import { call, catalogClient, createProduct, testCategory, tokenOf, uniquePlu, uniqueSku, type ProductBody } from './support.ts';

describe('the Catalog gRPC service, through the sidecars', function () {
  this.timeout(60_000);
  const catalog = catalogClient('order');
  const listing = catalogClient('product-query');
  after(() => { catalog.close(); listing.close(); });

  it('GetProducts answers each known product with its units, prices, tax class and version, and lists the unknown ids', async () => {
    const product = await createProduct();
    const unknown = randomUUID();
    const reply = await catalog.call('GetProducts', { ids: [product.id, unknown] });
    assert.deepEqual(reply.unknownIds, [unknown]);
    const [found] = reply.products;
    assert.deepEqual([found?.id, found?.name, found?.taxClass, found?.active, found?.version], [product.id, product.name, 'TAX_CLASS_STANDARD', true, '1']);
    assert.deepEqual(found?.units.map((unit) => [unit.name, unit.conversion, unit.price]), [['pcs', '1', '3500'], ['dus', '24', '80000']]);
  });

  it('GetProducts answers a new price at once after it was changed, though the product was just read', async () => {
    const product = await createProduct();
    assert.equal((await catalog.call('GetProducts', { ids: [product.id] })).products[0]?.units[0]?.price, '3500');
    const changed = await call('PATCH', `/products/${product.id}`, {
      token: await tokenOf('manager'), headers: { 'If-Match': '"1"' },
      body: { units: [{ name: 'pcs', barcode: product.units[0]?.barcode, conversion: 1, price: 3900 }, product.units[1]] },
    });
    assert.equal(changed.status, 200);
    const [found] = (await catalog.call('GetProducts', { ids: [product.id] })).products;
    assert.deepEqual([found?.units[0]?.price, found?.version], ['3900', '2']);
  });

  it('a carton barcode resolves to 24 base units at the carton price', async () => {
    const product = await createProduct();
    const reply = await catalog.call('LookupBarcode', { code: product.units[1]?.barcode });
    assert.deepEqual([reply.product?.id, reply.unit, reply.quantity, reply.price, reply.scaleLabel], [product.id, 'dus', '24', '80000', false]);
  });

  it('a scale label resolves to the weighed product with the weight and price it carries', async () => {
    const plu = uniquePlu();
    const made = await call<ProductBody>('POST', '/products', {
      token: await tokenOf('manager'),
      body: { sku: uniqueSku('BERAS'), name: 'Beras curah', categoryId: await testCategory(), baseUnit: 'g', taxClass: 'exempt', weighed: true, plu, units: [{ name: 'kg', conversion: 1000, price: 14000 }] },
    });
    assert.equal(made.status, 201);
    const byWeight = await catalog.call('LookupBarcode', { code: withCheckDigit(`21${plu}01250`) });
    assert.deepEqual([byWeight.product?.id, byWeight.unit, byWeight.quantity, byWeight.price, byWeight.scaleLabel], [made.body.id, 'kg', '1250', '17500', true]);
    const byPrice = await catalog.call('LookupBarcode', { code: withCheckDigit(`22${plu}21000`) });
    assert.deepEqual([byPrice.quantity, byPrice.price], ['1500', '21000']);
  });

  it('an unknown code is NOT_FOUND and a bad check digit INVALID_ARGUMENT, as the caller\'s AppError', async () => {
    await assert.rejects(catalog.call('LookupBarcode', { code: withCheckDigit('899000000001') }), { remoteCode: 'PRODUCT.BARCODE_UNKNOWN' });
    await assert.rejects(catalog.call('LookupBarcode', { code: '8990000000012' }), { remoteCode: 'PRODUCT.BAD_BARCODE' });
  });

  it('ListProducts pages through every product in id order', async () => {
    await createProduct();
    await createProduct();
    const first = await listing.call('ListProducts', { pageSize: 1, pageToken: '' });
    const second = await listing.call('ListProducts', { pageSize: 1, pageToken: first.nextPageToken });
    assert.equal(first.products.length, 1);
    assert.ok((second.products[0]?.id ?? "") > (first.products[0]?.id ?? "~"));
  });
});

import assert from 'node:assert/strict';
import { call, createProduct, drinkBody, errorOf, openTestCatalogue, tokenOf, uniqueBarcode, type ProductBody } from './support.ts';
import { CLAIM_LEASE_MS } from '../src/store/claims.store.ts';

describe('the catalogue over HTTP', function () {
  this.timeout(60_000);
  let manager: string;
  before(async () => { manager = await tokenOf('manager'); });

  it('a manager creates, reads, updates and deactivates a product; each write raises the version', async () => {
    const created = await createProduct();
    assert.equal(created.version, 1);
    const read = await call<ProductBody>('GET', `/products/${created.id}`, { token: await tokenOf('cashier') });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), '"1"');
    const updated = await call<ProductBody>('PATCH', `/products/${created.id}`, { token: manager, headers: { 'If-Match': '"1"' }, body: { name: 'Teh botol 450 ml' } });
    assert.equal(updated.status, 200);
    assert.deepEqual([updated.body.name, updated.body.version, updated.body.sku, updated.body.units], ['Teh botol 450 ml', 2, created.sku, created.units]);
    const deactivated = await call<ProductBody>('POST', `/products/${created.id}/deactivate`, { token: manager });
    assert.deepEqual([deactivated.status, deactivated.body.active, deactivated.body.version], [200, false, 3]);
    const reactivated = await call<ProductBody>('POST', `/products/${created.id}/reactivate`, { token: manager, headers: { 'If-Match': '3' } });
    assert.deepEqual([reactivated.status, reactivated.body.active, reactivated.body.version], [200, true, 4]);
    // Read back: the writes were kept, not only answered.
    const stored = await call<ProductBody>('GET', `/products/${created.id}`, { token: await tokenOf('cashier') });
    assert.deepEqual([stored.body.name, stored.body.active, stored.body.version, stored.body.units], ['Teh botol 450 ml', true, 4, created.units]);
  });

  it('an update over a stale version answers 409 with the current version and changes nothing', async () => {
    const created = await createProduct();
    await call('PATCH', `/products/${created.id}`, { token: manager, headers: { 'If-Match': '"1"' }, body: { name: 'first' } });
    const stale = await call('PATCH', `/products/${created.id}`, { token: manager, headers: { 'If-Match': '"1"' }, body: { name: 'second' } });
    assert.equal(stale.status, 409);
    assert.deepEqual([errorOf(stale.body).code, errorOf(stale.body).details?.currentVersion], ['PRODUCT.VERSION_CONFLICT', 2]);
    assert.equal((await call<ProductBody>('GET', `/products/${created.id}`, { token: manager })).body.name, 'first');
  });

  it('a second product with a taken SKU or a taken barcode answers 409, on the local MongoDB-wire server too', async () => {
    const first = await createProduct();
    const sameSku = await call('POST', '/products', { token: manager, body: await drinkBody({ sku: first.sku }) });
    assert.deepEqual([sameSku.status, errorOf(sameSku.body).code], [409, 'PRODUCT.SKU_TAKEN']);
    const taken = first.units[1]?.barcode;
    const sameBarcode = await call('POST', '/products', { token: manager, body: await drinkBody({ units: [{ name: 'pcs', barcode: taken, conversion: 1, price: 1000 }] }) });
    assert.deepEqual([sameBarcode.status, errorOf(sameBarcode.body).code], [409, 'PRODUCT.BARCODE_TAKEN']);
    const other = await createProduct();
    const stolen = await call('PATCH', `/products/${other.id}`, { token: manager, headers: { 'If-Match': '1' }, body: { units: [{ name: 'pcs', barcode: taken, conversion: 1, price: 1000 }] } });
    assert.deepEqual([stolen.status, errorOf(stolen.body).code], [409, 'PRODUCT.BARCODE_TAKEN']);
  });

  it('a barcode a product gives up in an update can be taken by another product, and the refused request left no claim behind', async () => {
    const first = await createProduct();
    const freed = first.units[0]?.barcode;
    const dropped = await call<ProductBody>('PATCH', `/products/${first.id}`, { token: manager, headers: { 'If-Match': '1' }, body: { units: [{ name: 'pcs', barcode: uniqueBarcode(), conversion: 1, price: 3600 }] } });
    assert.equal(dropped.status, 200);
    const body = await drinkBody({ units: [{ name: 'pcs', barcode: freed, conversion: 1, price: 3600 }] });
    assert.equal((await call('POST', '/products', { token: manager, body: { ...body, taxClass: 'nonsense' } })).status, 400);
    const taker = await call<ProductBody>('POST', '/products', { token: manager, body });
    assert.equal(taker.status, 201);
    // Read back: the first product kept its new barcode only, the second holds the freed one, and
    // the one claim on it is the second's.
    const [firstNow, takerNow] = await Promise.all([first.id, taker.body.id].map((id) => call<ProductBody>('GET', `/products/${id}`, { token: manager })));
    assert.deepEqual([firstNow?.body.units.map((unit) => unit.barcode), takerNow?.body.units.map((unit) => unit.barcode)],
      [dropped.body.units.map((unit) => unit.barcode), [freed]]);
    const { client, catalogue } = await openTestCatalogue();
    try {
      assert.deepEqual((await catalogue.claims.find({ _id: `barcode:${freed}` }).toArray()).map((claim) => claim.productId), [taker.body.id]);
    } finally {
      await client.close();
    }
  });

  it('a claim left by a writer that died before its product write stops blocking once its lease has run out', async () => {
    const { client, catalogue } = await openTestCatalogue();
    try {
      const [orphaned, inFlight] = [uniqueBarcode(), uniqueBarcode()];
      await catalogue.claims.insertMany([
        { _id: `barcode:${orphaned}`, productId: 'died-before-writing', claimedAt: new Date(Date.now() - CLAIM_LEASE_MS - 1000) },
        { _id: `barcode:${inFlight}`, productId: 'still-writing', claimedAt: new Date() },
      ]);
      const unit = (barcode: string) => [{ name: 'pcs', barcode, conversion: 1, price: 2000 }];
      assert.equal((await call('POST', '/products', { token: manager, body: await drinkBody({ units: unit(orphaned) }) })).status, 201);
      assert.equal((await call('POST', '/products', { token: manager, body: await drinkBody({ units: unit(inFlight) }) })).status, 409);
    } finally {
      await client.close();
    }
  });

  it('a barcode with a wrong check digit answers 400', async () => {
    const reply = await call('POST', '/products', { token: manager, body: await drinkBody({ units: [{ name: 'pcs', barcode: '8991234567892', conversion: 1, price: 1000 }] }) });
    assert.deepEqual([reply.status, errorOf(reply.body).code], [400, 'PRODUCT.BAD_BARCODE']);
  });

  it('a product in an unknown category answers 400', async () => {
    const reply = await call('POST', '/products', { token: manager, body: await drinkBody({ categoryId: 'no-such-category' }) });
    assert.deepEqual([reply.status, errorOf(reply.body).code], [400, 'PRODUCT.UNKNOWN_CATEGORY']);
  });

  it('a cashier reads the catalogue but cannot write it: 403', async () => {
    const cashier = await tokenOf('cashier');
    const product = await createProduct();
    assert.equal((await call('GET', `/products/${product.id}`, { token: cashier })).status, 200);
    assert.equal((await call('POST', '/products', { token: cashier, body: await drinkBody() })).status, 403);
    assert.equal((await call('PATCH', `/products/${product.id}`, { token: cashier, headers: { 'If-Match': '1' }, body: { name: 'x' } })).status, 403);
    assert.equal((await call('POST', `/products/${product.id}/deactivate`, { token: cashier })).status, 403);
    assert.equal((await call('POST', '/categories', { token: cashier, body: { id: 'cashier-made', name: 'x' } })).status, 403);
  });

  it('the list filters by category, active flag and text, page by page', async () => {
    const tag = `LIST-${Date.now()}`;
    const [a, b] = [await createProduct({ name: `${tag} a` }), await createProduct({ name: `${tag} b` })];
    await call('POST', `/products/${b.id}/deactivate`, { token: manager });
    const active = await call<{ items: ProductBody[]; total: number }>('GET', `/products?q=${tag}&active=true&categoryId=${a.categoryId}`, { token: manager });
    assert.deepEqual(active.body.items.map((item) => item.id), [a.id]);
    const paged = await call<{ items: ProductBody[]; total: number }>('GET', `/products?q=${tag}&limit=1&offset=1`, { token: manager });
    assert.deepEqual([paged.body.total, paged.body.items.map((item) => item.id)], [2, [b.id]]);
  });

  it('every 4xx answers the JSON error shape', async () => {
    const product = await createProduct();
    const replies = [
      await call('POST', '/products', { body: await drinkBody() }),
      await call('POST', '/products', { token: await tokenOf('cashier'), body: await drinkBody() }),
      await call('POST', '/products', { token: manager, body: { sku: 'x' } }),
      await call('GET', '/products/00000000-0000-4000-8000-000000000000', { token: manager }),
      await call('GET', '/products/not-a-uuid', { token: manager }),
      await call('PATCH', `/products/${product.id}`, { token: manager, body: { name: 'no version' } }),
      await call('PATCH', `/products/${product.id}`, { token: manager, headers: { 'If-Match': 'abc' }, body: { name: 'x' } }),
      await call('PATCH', `/products/${product.id}`, { token: manager, headers: { 'If-Match': '9' }, body: { name: 'x' } }),
      await call('POST', '/products', { token: manager, body: await drinkBody({ sku: product.sku }) }),
    ];
    assert.deepEqual(replies.map((reply) => reply.status), [401, 403, 400, 404, 400, 400, 400, 409, 409]);
    for (const reply of replies) {
      const error = errorOf(reply.body);
      assert.equal(typeof error.code, 'string');
      assert.equal(typeof error.message, 'string');
    }
  });
});

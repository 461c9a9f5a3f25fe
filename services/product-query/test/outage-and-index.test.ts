import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createDaprClient, createLogger, jwksFromUserService, jwksTokenVerifier } from '@pos/platform';
import { localSecret, request } from '@pos/platform/testing';
import { daprApiToken } from '../../../tests/support/sidecar-tokens.ts';
import { service } from '../../../tests/support/stack.ts';
import { createApp } from '../src/app.ts';
import { withProduct, withStock } from '../src/domain/search-document.ts';
import { changeDocument, changeDocuments } from '../src/store/document.store.ts';
import { openProductIndex } from '../src/store/product-index.ts';
import { startVisibility } from '../src/store/visibility.ts';
import { cashierToken, errorOf, productFacts } from './support.ts';

const querySidecar = service('product-query');

describe('product-query when Elasticsearch is unreachable', function () {
  this.timeout(30_000);
  let server: Server;
  let url: string;
  const index = openProductIndex('http://127.0.0.1:1', 'pos-products-test');
  const visibility = startVisibility(index, createLogger('product-query-test'));

  // The real app in this process, with its real sidecar and token verification, aimed at a
  // port where no Elasticsearch listens (the shared one cannot be stopped for a test).
  before(async () => {
    const app = createApp({
      dapr: createDaprClient(querySidecar.sidecarHttp, daprApiToken('product-query')), index, visibility,
      tokens: jwksTokenVerifier(jwksFromUserService({ sidecarHttpPort: querySidecar.sidecarHttp, apiToken: daprApiToken('product-query') })),
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await visibility.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a search answers 503 with the error shape', async () => {
    const reply = await request(`GET`, `${url}/products/search?q=kopi`, { token: await cashierToken() });
    assert.deepEqual([reply.status, errorOf(reply.body).code], [503, 'DEPENDENCY.UNAVAILABLE']);
  });

  it('a barcode lookup answers 503 with the error shape', async () => {
    const reply = await request(`GET`, `${url}/products/barcodes/8991234567895`, { token: await cashierToken() });
    assert.deepEqual([reply.status, errorOf(reply.body).code], [503, 'DEPENDENCY.UNAVAILABLE']);
  });

  it('/readyz answers 503 and names the index unavailable, the sidecar ok', async () => {
    const reply = await request(`GET`, `${url}/readyz`);
    assert.equal(reply.status, 503);
    assert.deepEqual(errorOf(reply.body).details, { elasticsearch: 'unavailable', sidecar: 'ok' });
  });
});

describe('the search index', function () {
  this.timeout(30_000);

  it('refuses a test run against an alias whose name does not say test', () => {
    assert.throws(() => openProductIndex(localSecret('elasticsearch-url'), 'pos-products', { test: true }), /must contain "test"/);
  });

  it('twenty concurrent writes of one product in shuffled version order leave the highest version', async () => {
    const index = openProductIndex(localSecret('elasticsearch-url'), 'pos-products-test', { test: true });
    const product = productFacts();
    const versions = Array.from({ length: 20 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    await Promise.all(versions.map((version) =>
      changeDocument(index, product.id, (current) => withProduct(current, { ...product, name: `v${version}`, version }))));
    const stored = await index.es.get<{ name: string; productVersion: number }>({ index: index.alias, id: product.id });
    assert.deepEqual([stored._source?.name, stored._source?.productVersion], ['v20', 20]);
    await index.es.close();
  });

  it('bulk writes racing single writes on the same documents leave each one its highest version, and report only what they wrote', async () => {
    const index = openProductIndex(localSecret('elasticsearch-url'), 'pos-products-test', { test: true });
    const products = Array.from({ length: 5 }, () => productFacts());
    const stockAt = (productId: string, version: number) => (current: Parameters<typeof withStock>[0]) => withStock(current, { productId, onHand: version, available: version, version });
    const batch = (version: number) => changeDocuments(index, new Map(products.map((product) => [product.id, stockAt(product.id, version)])));
    const versions = Array.from({ length: 12 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    // Bulk batches of every version, single stock writes and product writes, all at once.
    await Promise.all([
      ...versions.map(batch),
      ...products.flatMap((product) => versions.map((version) => changeDocument(index, product.id, stockAt(product.id, version)))),
      ...products.map((product) => changeDocument(index, product.id, (current) => withProduct(current, product))),
    ]);
    const { docs } = await index.es.mget<{ listed: boolean; onHand: number; stockVersion: number }>({ index: index.alias, ids: products.map((product) => product.id) });
    assert.deepEqual(docs.map((doc) => ('found' in doc && doc.found ? [doc._source?.listed, doc._source?.onHand, doc._source?.stockVersion] : [])),
      products.map(() => [true, 12, 12]));
    // Nothing newer to write: a batch of older facts writes none.
    assert.deepEqual([...(await batch(3))], []);
    await index.es.close();
  });
});

import assert from 'node:assert/strict';
import { eventually } from '@pos/platform/testing';
import { publishThrough } from '../../../tests/support/events.ts';
import {
  createCatalogueProduct, freshWord, productFacts, publishProduct, publishStock, QUERY_API, receive, search, type Page, type View,
} from './support.ts';

/** The one listed product with this id, once the index shows it. */
const viewOf = (id: string) => search<View>(`/products/${encodeURIComponent(id)}`);

describe('product-query fed by product and stock events', function () {
  this.timeout(60_000);

  it('a product created in the catalogue and stocked through inventory becomes searchable with its price and stock', async () => {
    const word = freshWord();
    const product = await createCatalogueProduct(`Teh ${word} 350 ml`, 3500);
    await receive(product.id, 7);
    const page = await eventually(async () => {
      const reply = await search<Page>(`/products/search?q=${word}`);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.items[0]?.available, 7);
      return reply.body;
    }, { timeoutMs: 30_000 });
    assert.deepEqual([page.total, page.items[0]?.id, page.items[0]?.sku, page.items[0]?.price, page.items[0]?.onHand], [1, product.id, product.sku, 3500, 7]);
  });

  it('a duplicate and older product events delivered after a newer one leave the newest version', async () => {
    const product = productFacts();
    const newest = { ...product, name: `${product.name} newest`, version: 3 };
    const newestId = await publishProduct(newest);
    await eventually(async () => assert.equal((await viewOf(product.id)).body.productVersion, 3));
    await publishProduct({ ...product, name: 'stale one', version: 1 });
    await publishProduct(newest, { id: newestId });
    await publishProduct({ ...product, name: 'stale two', version: 2 });
    // A sentinel on the same partition: Dapr hands a partition's events over one at a time, in
    // order, so once the sentinel shows, the stale events before it have been handled.
    const sentinel = productFacts();
    await publishProduct(sentinel, { key: product.id });
    await eventually(async () => assert.equal((await viewOf(sentinel.id)).status, 200));
    const view = await viewOf(product.id);
    assert.deepEqual([view.body.name, view.body.productVersion], [newest.name, 3]);
  });

  it('a product event from anyone but the catalogue is ignored: its high version does not hide the catalogue\'s own events', async () => {
    const product = productFacts();
    // probe-a, a test app no publishing scope restricts, names itself as the source.
    const forged = await publishThrough('probe-a', 'pos.products', { type: 'pos.product.updated.v1', partitionKey: product.id, data: { product: { ...product, name: 'forged', version: 1_000_000 } } });
    assert.equal(forged.status, 204, await forged.text());
    await publishProduct(product);
    const sentinel = productFacts();
    await publishProduct(sentinel, { key: product.id });
    await eventually(async () => assert.equal((await viewOf(sentinel.id)).status, 200));
    const view = await viewOf(product.id);
    assert.deepEqual([view.body.name, view.body.productVersion], [product.name, 1]);
  });

  it('older stock events delivered after a newer one leave the newest stock', async () => {
    const product = productFacts();
    await publishProduct(product);
    await publishStock({ productId: product.id, onHand: 9, available: 4, version: 5 });
    await eventually(async () => assert.equal((await viewOf(product.id)).body.stockVersion, 5));
    await publishStock({ productId: product.id, onHand: 1, available: 1, version: 2 });
    await publishStock({ productId: product.id, onHand: 3, available: 3, version: 4 });
    const sentinel = productFacts();
    await publishStock({ productId: sentinel.id, onHand: 1, available: 1, version: 1 }, { key: product.id });
    await publishProduct(sentinel);
    await eventually(async () => assert.equal((await viewOf(sentinel.id)).body.stockVersion, 1));
    const view = await viewOf(product.id);
    assert.deepEqual([view.body.onHand, view.body.available, view.body.stockVersion], [9, 4, 5]);
  });

  it('stock events of one product published at once in shuffled order, with duplicates, leave the newest stock', async () => {
    const product = productFacts();
    await publishProduct(product);
    const versions = Array.from({ length: 20 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    // All at once, so they come in deliveries of many events (bulk subscribe), each with some.
    await Promise.all([...versions, 7, 20, 13].map((version) => publishStock({ productId: product.id, onHand: version + 100, available: version, version })));
    const view = await eventually(async () => {
      const reply = await viewOf(product.id);
      assert.equal(reply.body.stockVersion, 20);
      return reply.body;
    });
    assert.deepEqual([view.onHand, view.available], [120, 20]);
  });

  it('a stock event for a product not seen yet is kept hidden and merged when the product arrives', async () => {
    const product = productFacts();
    await publishStock({ productId: product.id, onHand: 12, available: 10, version: 6 });
    // The stock alone is not a product: it is neither found by id nor by search.
    const sentinel = productFacts();
    await publishProduct(sentinel, { key: product.id });
    await publishStock({ productId: sentinel.id, onHand: 1, available: 1, version: 1 }, { key: product.id });
    await eventually(async () => assert.equal((await viewOf(sentinel.id)).body.stockVersion, 1));
    assert.equal((await viewOf(product.id)).status, 404);
    await publishProduct(product);
    const view = await eventually(async () => {
      const reply = await viewOf(product.id);
      assert.equal(reply.status, 200);
      return reply.body;
    });
    assert.deepEqual([view.name, view.onHand, view.available, view.stockVersion], [product.name, 12, 10, 6]);
  });

  it('a deactivated product is hidden from searches unless inactive ones are asked for', async () => {
    const product = productFacts();
    await publishProduct(product);
    await publishProduct({ ...product, version: 2 }, { type: 'pos.product.deactivated.v1' });
    const word = product.name.split(' ')[1] ?? '';
    await eventually(async () => {
      assert.deepEqual((await search<Page>(`/products/search?q=${word}&includeInactive=true`)).body.items.map((item) => [item.id, item.active]), [[product.id, false]]);
    });
    assert.equal((await search<Page>(`/products/search?q=${word}`)).body.total, 0);
  });

  it('the lag from an event to searchable is on /metrics, labelled by topic', async () => {
    const product = productFacts();
    await publishProduct(product);
    await publishStock({ productId: product.id, onHand: 1, available: 1, version: 1 });
    await eventually(async () => assert.equal((await viewOf(product.id)).body.stockVersion, 1));
    const metrics = await eventually(async () => {
      const text = await (await fetch(`${QUERY_API}/metrics`)).text();
      for (const topic of ['pos.products', 'pos.stock']) {
        const count = new RegExp(`search_event_to_searchable_seconds_count\\{topic="${topic.replace('.', '\\.')}"\\} (\\d+)`).exec(text);
        assert.ok(count && Number(count[1]) > 0, `no lag observed for ${topic}`);
      }
      return text;
    });
    assert.match(metrics, /search_event_to_searchable_seconds_bucket\{le="1",topic="pos\.products"\}/);
    assert.match(metrics, /^search_event_to_written_seconds_count\{topic="pos\.stock"\} [1-9]/m); // its first part
  });
});

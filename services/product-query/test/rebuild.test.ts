import assert from 'node:assert/strict';
import { eventually, localSecret, request } from '@pos/platform/testing';
import { openProductIndex } from '../src/store/product-index.ts';
import { adminToken, cashierToken, createCatalogueProduct, freshWord, QUERY_API, receive, search, type Page } from './support.ts';

const findsOne = async (word: string) => {
  const reply = await search<Page>(`/products/search?q=${word}`);
  assert.equal(reply.status, 200);
  assert.equal(reply.body.total, 1, `${word} not found`);
  return reply.body.items[0];
};

describe('rebuilding the search index', function () {
  this.timeout(120_000);

  it('a rebuild while products are being written loses none of them, and searches answer throughout', async () => {
    const before = freshWord();
    const stocked = await createCatalogueProduct(`Gula ${before}`, 15000);
    await receive(stocked.id, 5);
    await eventually(async () => assert.equal((await findsOne(before))?.available, 5));
    await cashierToken();

    let rebuilding = true;
    const written: string[] = [];
    const writer = (async () => {
      while (rebuilding || written.length < 3) {
        const word = freshWord();
        await createCatalogueProduct(`Beras ${word}`, 12000);
        written.push(word);
      }
    })();
    let searches = 0;
    const searcher = (async () => {
      while (rebuilding) {
        assert.equal((await findsOne(before))?.available, 5, 'a product indexed before the rebuild is still found');
        searches++;
      }
    })();
    const rebuilt = await request<{ index: string; products: number; stock: number }>('POST', `${QUERY_API}/admin/search-index/rebuild`, { token: await adminToken() })
      .finally(() => { rebuilding = false; });
    await Promise.all([writer, searcher]);
    assert.equal(rebuilt.status, 200, JSON.stringify(rebuilt.body));
    assert.ok(rebuilt.body.products > 0 && rebuilt.body.stock > 0);
    assert.ok(searches > 0);

    const index = openProductIndex(localSecret('elasticsearch-url'), 'pos-products-test', { test: true });
    try {
      assert.deepEqual(Object.keys(await index.es.indices.getAlias({ name: index.alias })), [rebuilt.body.index]);
    } finally {
      await index.es.close();
    }
    await eventually(async () => { for (const word of written) await findsOne(word); }, { timeoutMs: 30_000 });
  });

  it('a rebuild by a cashier is refused with 403', async () => {
    const reply = await request('POST', `${QUERY_API}/admin/search-index/rebuild`, { token: await cashierToken() });
    assert.equal(reply.status, 403);
  });
});

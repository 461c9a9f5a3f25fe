import assert from 'node:assert/strict';
import { createPool } from '@pos/platform';
import { eventually, localSecret, request, type Reply } from '@pos/platform/testing';
import { holdLocks, untilWaiting } from '../../../tests/support/postgres-locks.ts';
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
    let searches = 0;
    const searcher = (async () => {
      while (rebuilding) {
        assert.equal((await findsOne(before))?.available, 5, 'a product indexed before the rebuild is still found');
        searches++;
      }
    })();
    // The race, forced: the test locks inventory's stock table, so the rebuild stops at its first
    // ListStock, after it has read the products and before it swaps the alias. Products written
    // in that window reach only the old index through their events: the pass after the swap must
    // bring them into the new one.
    const inventoryDb = createPool(localSecret('inventory-db-url'), { test: true });
    const written: string[] = [];
    let rebuilt: Promise<Reply<{ index: string; products: number; stock: number }>> | undefined;
    try {
      const stock = await holdLocks(inventoryDb, (tx) => tx.query('LOCK TABLE stock_items IN ACCESS EXCLUSIVE MODE'));
      try {
        rebuilt = request<{ index: string; products: number; stock: number }>('POST', `${QUERY_API}/admin/search-index/rebuild`, { token: await adminToken() })
          .finally(() => { rebuilding = false; });
        await untilWaiting(inventoryDb, stock.pid, 1, (waiter) => waiter.applicationName === 'inventory' && waiter.query.includes('ORDER BY product_id'));
        for (let i = 0; i < 2; i++) {
          const word = freshWord();
          await createCatalogueProduct(`Beras ${word}`, 12000);
          written.push(word);
        }
        // Handled while the rebuild waits: found through the alias, which is still the old index.
        await eventually(async () => { for (const word of written) await findsOne(word); }, { timeoutMs: 20_000 });
      } finally {
        await stock.letGo();
      }
    } finally {
      await inventoryDb.end();
    }
    const reply = await rebuilt;
    await searcher;
    assert.equal(reply?.status, 200, JSON.stringify(reply?.body));
    assert.ok((reply?.body.products ?? 0) > 0 && (reply?.body.stock ?? 0) > 0);
    assert.ok(searches > 0);

    const index = openProductIndex(localSecret('elasticsearch-url'), 'pos-products-test', { test: true });
    try {
      assert.deepEqual(Object.keys(await index.es.indices.getAlias({ name: index.alias })), [reply?.body.index]);
    } finally {
      await index.es.close();
    }
    // Through the alias, now the new index. Only the pass after the swap lists them there: their
    // later stock events alone would make unlisted documents, never found by a search.
    await eventually(async () => { for (const word of written) await findsOne(word); }, { timeoutMs: 30_000 });
  });

  it('a rebuild by a cashier is refused with 403', async () => {
    const reply = await request('POST', `${QUERY_API}/admin/search-index/rebuild`, { token: await cashierToken() });
    assert.equal(reply.status, 403);
  });
});

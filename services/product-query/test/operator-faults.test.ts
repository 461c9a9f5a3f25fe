// Faults an operator causes with one command, on the real stack: Elasticsearch stopped as a
// rebuild of the search index starts. During it, clear 503s; after it, the alias still points
// at a complete index, a rebuild succeeds, and the events of the outage are applied.
// Elasticsearch is started again in an `after`, whatever the assertions found.
import assert from 'node:assert/strict';
import { eventually, localSecret, request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import { startInfra, stopServer } from '../../../tests/support/servers.ts';
import { openProductIndex } from '../src/store/product-index.ts';
import { adminToken, createCatalogueProduct, errorOf, freshWord, QUERY_API, search, type Page } from './support.ts';

const rebuild = async () => request<{ index: string; products: number }>('POST', `${QUERY_API}/admin/search-index/rebuild`, { token: await adminToken() });

/** The ids a search for `word` finds (the index answers). */
async function found(word: string): Promise<string[]> {
  const reply = await search<Page>(`/products/search?q=${word}`);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body.items.map((item) => item.id);
}

describe('product-query under operator faults', function () {
  this.timeout(240_000);

  describe('Elasticsearch stopped as a rebuild starts', () => {
    const index = openProductIndex(localSecret('elasticsearch-url'), 'pos-products-test', { test: true });
    const aliased = async () => Object.keys(await index.es.indices.getAlias({ name: index.alias })).sort();
    after(async function () {
      this.timeout(150_000);
      startInfra(); // a no-op when the test started it again itself
      await index.es.close();
    });

    it('the rebuild and searches answer 503 while it is down; once it is back the alias still holds every product, a product renamed during the outage is found by its new name, and a rebuild succeeds', async () => {
      const [kept, before, during] = [freshWord(), freshWord(), freshWord()];
      const stays = await createCatalogueProduct(`Kopi ${kept}`, 9000);
      const renamed = await createCatalogueProduct(`Teh ${before}`, 4000);
      await eventually(async () => assert.deepEqual([await found(kept), await found(before)], [[stays.id], [renamed.id]]), { timeoutMs: 30_000 });
      const aliasBefore = await aliased();

      stopServer('elasticsearch');
      const refused = await rebuild();
      assert.deepEqual([refused.status, errorOf(refused.body).code], [503, 'DEPENDENCY.UNAVAILABLE'], JSON.stringify(refused.body));
      const searched = await search(`/products/search?q=${kept}`);
      assert.deepEqual([searched.status, errorOf(searched.body).code], [503, 'DEPENDENCY.UNAVAILABLE']);
      // Not ready: Dapr's app health check (dapr.yaml) stops deliveries, so the catalogue's
      // event waits in Kafka rather than being retried into the dead-letter topic.
      const ready = await request(`GET`, `${QUERY_API}/readyz`);
      assert.deepEqual([ready.status, errorOf(ready.body).details], [503, { elasticsearch: 'unavailable', sidecar: 'ok' }]);
      const patched = await request('PATCH', `${service('product').url}/products/${renamed.id}`,
        { token: await adminToken(), headers: { 'If-Match': '1' }, body: { name: `Teh ${during}` } });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));

      startInfra();
      // The refused rebuild swapped nothing: the alias is where it was, with every product.
      assert.deepEqual(await aliased(), aliasBefore);
      await eventually(async () => assert.deepEqual(await found(kept), [stays.id]), { timeoutMs: 60_000 });
      // The event of the outage is delivered and applied once Elasticsearch is back.
      await eventually(async () => assert.deepEqual([await found(during), await found(before)], [[renamed.id], []]), { timeoutMs: 90_000 });

      const rebuilt = await rebuild();
      assert.equal(rebuilt.status, 200, JSON.stringify(rebuilt.body));
      assert.deepEqual(await aliased(), [rebuilt.body.index]);
      assert.deepEqual([await found(kept), await found(during), await found(before)], [[stays.id], [renamed.id], []]);
    });
  });
});

import assert from 'node:assert/strict';
import { eventually, localSecret, request } from '@pos/platform/testing';
import { withProduct } from '../src/domain/search-document.ts';
import { changeDocument } from '../src/store/document.store.ts';
import { openProductIndex } from '../src/store/product-index.ts';
import {
  adminToken, createCatalogueProduct, errorOf, freshWord, productFacts, publishProduct, publishStock, QUERY_API, search,
} from './support.ts';

interface CatalogueProduct {
  id: string; sku: string; name: string; categoryId?: string; baseUnit: string; taxClass: string; weighed: boolean; plu?: string;
  units: { name: string; conversion: number; price: number }[]; active: boolean; productVersion: number; available: number;
}
interface Changes { products: CatalogueProduct[]; next: string; more: boolean }

const changes = (after: string | undefined, limit?: number) =>
  search<Changes>(`/catalogue/changes?${new URLSearchParams({ ...(after !== undefined && { after }), ...(limit && { limit: String(limit) }) })}`);

/** Reads from `after` (the start without it) as the till does, until a page is not full. */
async function readToEnd(after?: string, limit = 500): Promise<{ products: CatalogueProduct[]; next: string; pages: number }> {
  const products: CatalogueProduct[] = [];
  let cursor = after;
  for (let pages = 1; ; pages++) {
    const reply = await changes(cursor, limit);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    products.push(...reply.body.products);
    cursor = reply.body.next;
    if (!reply.body.more) return { products, next: cursor, pages };
  }
}

/** The cursor after everything indexed so far, once each of `ids` is among what was read. */
const cursorPast = (ids: string[]) => eventually(async () => {
  const read = await readToEnd();
  for (const id of ids) assert.ok(read.products.some((product) => product.id === id), `${id} not in the catalogue yet`);
  return read.next;
});

const versionsOf = (products: CatalogueProduct[], id: string) => products.filter((product) => product.id === id).map((product) => product.productVersion);

describe('the catalogue for the till (GET /catalogue/changes)', function () {
  this.timeout(120_000);

  it('read from the start in pages, gives every product once, with the till\'s fields', async () => {
    const mine = Array.from({ length: 7 }, (_, i) => productFacts({ name: `Snapshot ${freshWord()}`, version: i + 1 }));
    for (const product of mine) await publishProduct(product);
    await cursorPast(mine.map((product) => product.id));

    const read = await readToEnd(undefined, 3);
    assert.ok(read.pages >= 3, `${read.pages} pages`);
    for (const product of mine) assert.deepEqual(versionsOf(read.products, product.id), [product.version], product.id);
    const first = mine[0];
    assert.deepEqual(read.products.find((product) => product.id === first?.id), {
      id: first?.id, sku: first?.sku, name: first?.name, categoryId: 'pq-tests', baseUnit: 'pcs', taxClass: 'standard', weighed: false,
      units: first?.units, active: true, productVersion: 1, available: 0,
    });
  });

  it('a product changed after the snapshot comes in the next changes, with its new price and stock; one left alone does not', async () => {
    const [changed, unchanged] = [productFacts(), productFacts()];
    await publishProduct(changed);
    await publishProduct(unchanged);
    const cursor = await cursorPast([changed.id, unchanged.id]);

    await publishProduct({ ...changed, units: [{ name: 'pcs', conversion: 1, price: 7500 }], version: 2 });
    await publishStock({ productId: changed.id, onHand: 9, available: 8, version: 1 });
    const later = await eventually(async () => {
      const read = await readToEnd(cursor);
      const last = read.products.filter((product) => product.id === changed.id).at(-1);
      assert.deepEqual([last?.productVersion, last?.units[0]?.price, last?.available], [2, 7500, 8]);
      return read;
    });
    assert.deepEqual(versionsOf(later.products, unchanged.id), []);
  });

  it('a deactivated product comes with active: false', async () => {
    const product = productFacts();
    await publishProduct(product);
    const cursor = await cursorPast([product.id]);
    await publishProduct({ ...product, version: 2 }, { type: 'pos.product.deactivated.v1' });
    await eventually(async () => {
      const last = (await readToEnd(cursor)).products.filter((candidate) => candidate.id === product.id).at(-1);
      assert.deepEqual([last?.productVersion, last?.active], [2, false]);
    });
  });

  it('a product sold by weight, made in the catalogue, comes with weighed and its PLU', async () => {
    const plu = String(10000 + Math.floor(Math.random() * 90000));
    const made = await createCatalogueProduct(`Beras curah ${freshWord()}`, 14, {
      baseUnit: 'g', weighed: true, plu, units: [{ name: 'kg', conversion: 1000, price: 14000 }],
    });
    await eventually(async () => {
      const product = (await readToEnd()).products.find((candidate) => candidate.id === made.id);
      assert.deepEqual([product?.weighed, product?.plu, product?.baseUnit], [true, plu, 'g']);
    }, { timeoutMs: 30_000 });
  });

  it('a write the index has not refreshed yet is in the very next read', async () => {
    // The guarantee of store/catalogue.store.ts in its plainest case: the read refreshes after
    // taking the checkpoint, so it needs no refresh of anyone else. The index's own periodic
    // refresh is stopped meanwhile, and the document is written past the app (which would
    // refresh after its own writes).
    const index = openProductIndex(localSecret('elasticsearch-url'), 'pos-products-test', { test: true });
    const [name] = Object.keys(await index.es.indices.getAlias({ name: index.alias }));
    assert.ok(name);
    try {
      const cursor = (await readToEnd()).next;
      await index.es.indices.putSettings({ index: name, settings: { index: { refresh_interval: '-1' } } });
      const product = productFacts();
      assert.equal(await changeDocument(index, product.id, (current) => withProduct(current, product)), true);
      assert.deepEqual(versionsOf((await readToEnd(cursor)).products, product.id), [1]);
    } finally {
      // null puts the default back (the client's types do not know it).
      await index.es.indices.putSettings({ index: name, settings: { index: { refresh_interval: null as unknown as string } } });
      await index.es.close();
    }
  });

  it('a till reading while many products change at once ends with each one\'s last version', async () => {
    const cursor = (await readToEnd()).next;
    const products = Array.from({ length: 20 }, () => productFacts());
    const seen = new Map<string, number>();
    const keep = (read: CatalogueProduct[]) => { for (const product of read) seen.set(product.id, Math.max(seen.get(product.id) ?? 0, product.productVersion)); };

    let writing = true;
    const writers = Promise.all(products.map(async (product) => {
      for (let version = 1; version <= 3; version++) await publishProduct({ ...product, name: `${product.name} v${version}`, version });
    })).finally(() => { writing = false; });
    let position = cursor;
    let reads = 0;
    while (writing || reads === 0) {
      const reply = await changes(position, 5);
      assert.equal(reply.status, 200);
      keep(reply.body.products);
      position = reply.body.next;
      reads++;
    }
    await writers;
    await eventually(async () => {
      for (const product of products) assert.equal((await search<{ productVersion: number }>(`/products/${product.id}`)).body.productVersion, 3);
    });
    keep((await readToEnd(position, 5)).products);
    assert.deepEqual(products.map((product) => seen.get(product.id)), products.map(() => 3));
  });

  it('after a rebuild, a cursor of the old index reads the new one from its start: every product again', async () => {
    const made = await createCatalogueProduct(`Garam ${freshWord()}`, 2500);
    const cursor = await cursorPast([made.id]);
    const rebuilt = await request('POST', `${QUERY_API}/admin/search-index/rebuild`, { token: await adminToken() });
    assert.equal(rebuilt.status, 200, JSON.stringify(rebuilt.body));
    const again = await readToEnd(cursor);
    assert.deepEqual(versionsOf(again.products, made.id), [1]);
  });

  describe('refuses bad requests', () => {
    const refused = async (query: string, field: string) => {
      const reply = await search(`/catalogue/changes?${query}`);
      assert.equal(reply.status, 400, `${query}: ${JSON.stringify(reply.body)}`);
      assert.equal(errorOf(reply.body).code, 'REQUEST.INVALID');
      assert.ok((errorOf(reply.body).details as unknown as { field: string }[]).some((problem) => problem.field === field), JSON.stringify(reply.body));
    };
    it('a cursor that is not base64 JSON answers 400 naming after', () => refused('after=not-a-cursor', 'query.after'));
    it('a cursor with a negative position answers 400 naming after', () =>
      refused(`after=${Buffer.from(JSON.stringify(['pos-products-test-initial', -1, 'x'])).toString('base64url')}`, 'query.after'));
    for (const limit of ['0', '1001', 'many']) it(`limit=${limit} answers 400 naming limit`, () => refused(`limit=${limit}`, 'query.limit'));
    it('without a token answers 401', async () => {
      const reply = await request('GET', `${QUERY_API}/catalogue/changes`);
      assert.deepEqual([reply.status, errorOf(reply.body).code], [401, 'AUTH.UNAUTHORIZED']);
    });
  });
});

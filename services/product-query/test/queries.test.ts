import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually, request } from '@pos/platform/testing';
import { errorOf, freshWord, productFacts, publishProduct, publishStock, QUERY_API, search, uniqueBarcode, type Page, type View } from './support.ts';
import type { ProductFacts } from '../src/domain/search-document.ts';

/** Publishes the products (and stock) and waits until a search shows each (a get by id is
 * real-time, a search sees a write only after the index's next refresh). */
async function indexed(products: ProductFacts[], stock: Record<string, number> = {}): Promise<void> {
  for (const product of products) {
    await publishProduct(product);
    const available = stock[product.id];
    if (available !== undefined) await publishStock({ productId: product.id, onHand: available, available, version: 1 });
  }
  await eventually(async () => {
    for (const product of products) {
      const found = (await search<Page>(`/products/search?q=${product.sku}&includeInactive=true`)).body.items.find((item) => item.id === product.id);
      assert.ok(found, `${product.id} not searchable yet`);
      if (stock[product.id] !== undefined) assert.equal(found.stockVersion, 1);
    }
  });
}

const ids = (page: Page) => page.items.map((item) => item.id);

describe('product search', function () {
  this.timeout(60_000);

  it('an exact SKU ranks first, above products that only mention it', async () => {
    const word = freshWord();
    const exact = productFacts({ sku: `SKU${word}`, name: 'Plain biscuit' });
    const mention = productFacts({ name: `Biscuit SKU${word}`, description: `like SKU${word}` });
    await indexed([mention, exact]);
    const page = (await search<Page>(`/products/search?q=SKU${word}`)).body;
    assert.equal(ids(page)[0], exact.id);
  });

  it('an exact barcode ranks first', async () => {
    const barcode = uniqueBarcode();
    const product = productFacts({ units: [{ name: 'pcs', barcode, conversion: 1, price: 100 }] });
    await indexed([product]);
    assert.equal(ids((await search<Page>(`/products/search?q=${barcode}`)).body)[0], product.id);
  });

  it('the prefix of a word finds the product as the cashier types', async () => {
    const word = freshWord();
    const product = productFacts({ name: `Susu ${word} coklat` });
    await indexed([product]);
    assert.deepEqual(ids((await search<Page>(`/products/search?q=susu%20${word.slice(0, 7)}`)).body), [product.id]);
    assert.deepEqual(ids((await search<Page>(`/products/search?q=${word.slice(0, 8)}`)).body), [product.id]);
  });

  it('a word with one typo still finds the product', async () => {
    const word = freshWord();
    const product = productFacts({ name: `Roti ${word}` });
    await indexed([product]);
    const typo = `${word.slice(0, 3)}x${word.slice(4)}`;
    assert.deepEqual(ids((await search<Page>(`/products/search?q=${typo}`)).body), [product.id]);
  });

  it('filters by category, stock and price range, sorts by price and pages with a total', async () => {
    const categoryId = `cat-${randomUUID()}`;
    const priced = (price: number, active = true) => productFacts({ categoryId, active, units: [{ name: 'pcs', conversion: 1, price }] });
    const [cheap, mid, dear, gone] = [priced(1000), priced(5000), priced(9000), priced(6000, false)];
    await indexed([cheap, mid, dear, gone], { [cheap.id]: 0, [mid.id]: 3, [dear.id]: 2, [gone.id]: 5 });
    const all = (await search<Page>(`/products/search?categoryId=${categoryId}&sort=price`)).body;
    assert.deepEqual([all.total, ids(all)], [3, [cheap.id, mid.id, dear.id]]);
    assert.deepEqual(ids((await search<Page>(`/products/search?categoryId=${categoryId}&inStock=true&sort=-price`)).body), [dear.id, mid.id]);
    assert.deepEqual(ids((await search<Page>(`/products/search?categoryId=${categoryId}&minPrice=2000&maxPrice=9000&includeInactive=true&sort=price`)).body), [mid.id, gone.id, dear.id]);
    const second = (await search<Page>(`/products/search?categoryId=${categoryId}&sort=price&page=2&pageSize=2`)).body;
    assert.deepEqual([second.total, ids(second)], [3, [dear.id]]);
  });

  it('a scanned barcode answers its one active product and the unit scanned; an unknown or inactive one 404', async () => {
    const pack = uniqueBarcode();
    const product = productFacts({ units: [{ name: 'pcs', barcode: uniqueBarcode(), conversion: 1, price: 100 }, { name: 'pack', barcode: pack, conversion: 6, price: 550 }] });
    const retired = productFacts({ active: false });
    await indexed([product, retired]);
    const hit = await search<{ product: View; unit: string }>(`/products/barcodes/${pack}`);
    assert.deepEqual([hit.status, hit.body.product.id, hit.body.unit], [200, product.id, 'pack']);
    const unknown = await search(`/products/barcodes/${uniqueBarcode()}`);
    assert.deepEqual([unknown.status, errorOf(unknown.body).code], [404, 'SEARCH.BARCODE_UNKNOWN']);
    assert.equal((await search(`/products/barcodes/${retired.units[0]?.barcode ?? ''}`)).status, 404);
  });

  describe('refuses bad requests with the JSON error shape', () => {
    const refused = async (path: string, status: number, code: string) => {
      const reply = await search(path);
      assert.equal(reply.status, status, `${path}: ${JSON.stringify(reply.body)}`);
      assert.equal(errorOf(reply.body).code, code, path);
      assert.equal(typeof errorOf(reply.body).message, 'string');
    };
    it('a negative price answers 400', () => refused('/products/search?minPrice=-1', 400, 'REQUEST.INVALID'));
    it('a price range whose minimum is above its maximum answers 400', () => refused('/products/search?minPrice=5000&maxPrice=100', 400, 'SEARCH.BAD_PRICE_RANGE'));
    it('a page past the result window answers 400', () => refused('/products/search?page=101&pageSize=100', 400, 'SEARCH.PAGE_OUT_OF_WINDOW'));
    it('a page size above 100 answers 400', () => refused('/products/search?pageSize=101', 400, 'REQUEST.INVALID'));
    it('an unknown sort answers 400', () => refused('/products/search?sort=popularity', 400, 'REQUEST.INVALID'));
    it('a barcode that is not digits answers 400', () => refused('/products/barcodes/abc', 400, 'REQUEST.INVALID'));
    it('an unknown product id answers 404', () => refused(`/products/${randomUUID()}`, 404, 'SEARCH.PRODUCT_UNKNOWN'));
    it('a search without a token answers 401', async () => {
      const reply = await request('GET', `${QUERY_API}/products/search?q=kopi`);
      assert.deepEqual([reply.status, errorOf(reply.body).code], [401, 'AUTH.UNAUTHORIZED']);
    });
  });
});

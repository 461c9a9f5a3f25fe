import assert from 'node:assert/strict';
import { decodePosition, encodePosition } from '../src/domain/feed-position.ts';
import { newestOfEach, withProduct, withStock } from '../src/domain/search-document.ts';
import { checkSearchRequest, type SearchRequest } from '../src/domain/search-request.ts';
import { productFacts } from './support.ts';

describe('search document rules', () => {
  const product = productFacts({ version: 2 });
  const stock = { productId: product.id, onHand: 5, available: 4, version: 3 };

  it('a product fact not newer than the document changes nothing', () => {
    const doc = withProduct(undefined, product);
    assert.equal(withProduct(doc, product), undefined);
    assert.equal(withProduct(doc, { ...product, version: 1 }), undefined);
    assert.equal(withProduct(doc, { ...product, version: 3 })?.productVersion, 3);
  });

  it('stock before its product makes an unlisted document that keeps the stock when the product comes', () => {
    const early = withStock(undefined, stock);
    assert.deepEqual([early?.listed, early?.available], [false, 4]);
    const merged = withProduct(early, product);
    assert.deepEqual([merged?.listed, merged?.name, merged?.available, merged?.stockVersion], [true, product.name, 4, 3]);
    assert.equal(withStock(merged, { ...stock, version: 2 }), undefined);
  });

  it('of a batch of facts, each product keeps its highest version, whatever the order and duplicates', () => {
    const facts = [3, 1, 5, 5, 2].map((version) => ({ ...stock, version, onHand: version }));
    const other = { ...stock, productId: 'other', version: 1, onHand: 1 };
    const newest = newestOfEach([...facts, other], (fact) => fact.productId);
    assert.deepEqual([...newest].map(([id, fact]) => [id, fact.version, fact.onHand]), [[product.id, 5, 5], ['other', 1, 1]]);
  });

  it('a price range upside down and a page past the window are refused', () => {
    const request: SearchRequest = { includeInactive: false, sort: 'relevance', page: 1, pageSize: 20 };
    assert.throws(() => checkSearchRequest({ ...request, minPrice: 10, maxPrice: 5 }), { code: 'SEARCH.BAD_PRICE_RANGE' });
    assert.throws(() => checkSearchRequest({ ...request, page: 501 }), { code: 'SEARCH.PAGE_OUT_OF_WINDOW' });
    assert.doesNotThrow(() => checkSearchRequest({ ...request, page: 500, minPrice: 5, maxPrice: 5 }));
  });

  it('a feed position comes back from its cursor as it was; a cursor this service never gave is none', () => {
    for (const position of [{ index: 'pos-products-test-initial' }, { index: 'pos-products-20261204', after: [41, 'p-1'] as [number, string] }]) {
      assert.deepEqual(decodePosition(encodePosition(position)), position);
    }
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of ['', 'not-base64-json', cursor({ index: 'x' }), cursor(['x', -1, 'p']), cursor(['x', 1.5, 'p']), cursor(['x', 1]), cursor(['X Y']), cursor(['x', 1, 7])]) {
      assert.equal(decodePosition(bad), undefined, bad);
    }
  });
});

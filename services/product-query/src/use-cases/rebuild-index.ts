// Rebuilds the search index from the sources' gRPC lists while events keep flowing, and swaps
// the alias in one atomic step. Searches answer from the old index until the swap.
//
// Why no event is lost: until the swap, events write to the old index (the alias), not to the
// new one. So after the swap the lists are read a second time into the new index. Every event
// handled before the swap was published after its source committed the change, so that second
// read sees the change (or a newer one); every event handled after the swap writes to the new
// index itself. Both passes and the events go through the same version-guarded writes
// (store/document.store.ts), so their order does not matter and nothing newer is overwritten.
import type { ProductFacts, StockFacts } from '../domain/search-document.ts';
import { withProduct, withStock } from '../domain/search-document.ts';
import { changeDocument } from '../store/document.store.ts';
import { createIndex, newIndexName, swapAlias, type ProductIndex } from '../store/product-index.ts';

/** One page of a source's list: its items and the token of the next page ('' after the last). */
export type ListPage<T> = (pageToken: string) => Promise<{ items: T[]; nextPageToken: string }>;

export interface RebuildSources {
  products: ListPage<ProductFacts>;
  stock: ListPage<StockFacts>;
}

export interface RebuildReport { index: string; products: number; stock: number }

/** Writes in flight at once: enough to keep Elasticsearch busy, few enough to leave room for
 * the searches and events that go on during a rebuild. */
const WRITES_AT_ONCE = 32;

async function eachPage<T>(list: ListPage<T>, apply: (item: T) => Promise<unknown>): Promise<number> {
  let count = 0;
  let token = '';
  do {
    const page = await list(token);
    for (let from = 0; from < page.items.length; from += WRITES_AT_ONCE) {
      await Promise.all(page.items.slice(from, from + WRITES_AT_ONCE).map(apply));
    }
    count += page.items.length;
    token = page.nextPageToken;
  } while (token);
  return count;
}

async function fill(index: ProductIndex, sources: RebuildSources, target: string): Promise<Omit<RebuildReport, 'index'>> {
  const products = await eachPage(sources.products, (product) => changeDocument(index, product.id, (current) => withProduct(current, product), target));
  const stock = await eachPage(sources.stock, (level) => changeDocument(index, level.productId, (current) => withStock(current, level), target));
  return { products, stock };
}

export async function rebuildIndex(index: ProductIndex, sources: RebuildSources): Promise<RebuildReport> {
  const fresh = newIndexName(index.alias);
  await createIndex(index, fresh, false);
  await fill(index, sources, fresh);
  await swapAlias(index, fresh);
  return { index: fresh, ...(await fill(index, sources, fresh)) };
}

// Products lately read for GetProducts, kept a moment: at the till every checkout asks for the
// same few products, and FerretDB reads the whole collection for each lookup, even by `_id`
// (its plans show a SCAN), so a busy checkout path would cost the catalogue's size per line.
// A lookup's promise is kept from its start, so the tills asking at once share one read.
// This replica's writes forget the product at once (a read already under way is not kept
// either); another replica's write is seen here within the cache's time.
import type { Product } from '../domain/product.ts';

export interface ProductCache {
  /** The product from the cache, or from `load` (kept when found). */
  get(id: string, load: () => Promise<Product | undefined>): Promise<Product | undefined>;
  /** Called when this replica writes the product. */
  forget(id: string): void;
}

export function createProductCache(keepMs: number): ProductCache {
  const entries = new Map<string, { product: Promise<Product | undefined>; until: number }>();
  return {
    get(id, load) {
      const now = Date.now();
      const entry = entries.get(id);
      if (entry && entry.until > now) return entry.product;
      if (keepMs <= 0) return load();
      const product = load();
      const kept = { product, until: now + keepMs };
      entries.set(id, kept);
      // A product not found, or a failed read, is asked for again next time.
      const drop = () => { if (entries.get(id) === kept) entries.delete(id); };
      product.then((found) => { if (!found) drop(); }, drop);
      if (entries.size > 10_000) for (const [key, old] of entries) if (old.until <= now) entries.delete(key);
      return product;
    },
    forget: (id) => { entries.delete(id); },
  };
}

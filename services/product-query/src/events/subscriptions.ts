// The only writers of the index: the catalogue's product events and inventory's stock events.
// No inbox: the conditional writes of store/document.store.ts absorb duplicates and late
// events by each source's version. Both come in bulk (components/product-query-subscriptions.yaml):
// of a delivery's events only each product's newest is written, all in one bulk request.
import { z, type BulkEventSubscription } from '@pos/platform';
import { newestOfEach, withProduct, withStock } from '../domain/search-document.ts';
import { changeDocuments } from '../store/document.store.ts';
import type { ProductIndex } from '../store/product-index.ts';
import type { Visibility } from '../store/visibility.ts';

export const PRODUCTS_TOPIC = 'pos.products';
export const STOCK_TOPIC = 'pos.stock';
const DEACTIVATED = 'pos.product.deactivated.v1';

export const productFacts = z.object({
  id: z.string().min(1),
  sku: z.string(),
  name: z.string(),
  description: z.string().default(''),
  categoryId: z.string().default(''),
  baseUnit: z.string().default(''),
  taxClass: z.string().default(''),
  weighed: z.boolean().default(false),
  plu: z.string().optional(),
  units: z.array(z.object({ name: z.string(), barcode: z.string().optional(), conversion: z.number(), price: z.number() })),
  active: z.boolean(),
  version: z.number().int().min(1),
});
const productEvent = z.object({ product: productFacts });
export const stockFacts = z.object({ productId: z.string().min(1), onHand: z.number(), available: z.number(), version: z.number().int().min(0) });

/** The catalogue's events, many per delivery (bulk subscribe): one write per product. */
export function productSubscription(index: ProductIndex, visibility: Visibility): BulkEventSubscription<z.infer<typeof productEvent>> {
  return {
    topic: PRODUCTS_TOPIC,
    path: '/events/products',
    owners: ['product'],
    schema: productEvent,
    handleAll: async (events) => {
      // created, updated and deactivated all carry the whole product.
      const facts = events.map((event) => ({ ...event.data.product, active: event.type === DEACTIVATED ? false : event.data.product.active }));
      const newest = newestOfEach(facts, (product) => product.id);
      const written = await changeDocuments(index, new Map([...newest].map(([id, product]) => [id, (current) => withProduct(current, product)])));
      for (const [i, event] of events.entries()) if (written.has(facts[i]?.id ?? '')) visibility.written(PRODUCTS_TOPIC, event.time);
    },
  };
}

/** Inventory's stock events, many per delivery: a sale's changes of one product are written once. */
export function stockSubscription(index: ProductIndex, visibility: Visibility): BulkEventSubscription<z.infer<typeof stockFacts>> {
  return {
    topic: STOCK_TOPIC,
    path: '/events/stock',
    owners: ['inventory'],
    schema: stockFacts,
    handleAll: async (events) => {
      const newest = newestOfEach(events.map((event) => event.data), (stock) => stock.productId);
      const written = await changeDocuments(index, new Map([...newest].map(([id, stock]) => [id, (current) => withStock(current, stock)])));
      for (const event of events) if (written.has(event.data.productId)) visibility.written(STOCK_TOPIC, event.time);
    },
  };
}

// The only writers of the index: the catalogue's product events and inventory's stock events.
// No inbox: the conditional writes of store/document.store.ts absorb duplicates and late
// events by each source's version.
import { z, type EventSubscription } from '@pos/platform';
import { withProduct, withStock } from '../domain/search-document.ts';
import { changeDocument } from '../store/document.store.ts';
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

export function productSubscription(index: ProductIndex, visibility: Visibility): EventSubscription<z.infer<typeof productEvent>, undefined> {
  return {
    topic: PRODUCTS_TOPIC,
    path: '/events/products',
    owners: ['product'],
    schema: productEvent,
    handle: async (event) => {
      // created, updated and deactivated all carry the whole product.
      const product = { ...event.data.product, active: event.type === DEACTIVATED ? false : event.data.product.active };
      if (await changeDocument(index, product.id, (current) => withProduct(current, product))) visibility.written(PRODUCTS_TOPIC, event.time);
    },
  };
}

export function stockSubscription(index: ProductIndex, visibility: Visibility): EventSubscription<z.infer<typeof stockFacts>, undefined> {
  return {
    topic: STOCK_TOPIC,
    path: '/events/stock',
    owners: ['inventory'],
    schema: stockFacts,
    handle: async (event) => {
      if (await changeDocument(index, event.data.productId, (current) => withStock(current, event.data))) visibility.written(STOCK_TOPIC, event.time);
    },
  };
}

// Inventory learns products from the product service's events: a stock item at zero for each.
import { addToOutbox, z, type EventSubscription, type Inbox, type Transaction } from '@pos/platform';
import { learnProduct } from '../store/stock.store.ts';
import { stockChanged } from './inventory-events.ts';

export const PRODUCTS_TOPIC = 'pos.products';

// Only what inventory keeps; other fields of the product are ignored.
const productEvent = z.object({
  product: z.object({
    id: z.string().min(1),
    sku: z.string().default(''),
    name: z.string().default(''),
    active: z.boolean().default(true),
    version: z.coerce.number().int().min(0).default(0),
  }),
});

export function productSubscription(inbox: Inbox<Transaction>): EventSubscription<z.infer<typeof productEvent>, Transaction> {
  return {
    topic: PRODUCTS_TOPIC,
    path: '/events/products',
    owners: ['product'],
    schema: productEvent,
    inbox,
    // created, updated and deactivated all carry the whole product: one upsert serves them all.
    handle: async (event, tx) => {
      const active = event.type === 'pos.product.deactivated.v1' ? false : event.data.product.active;
      const created = await learnProduct(tx, { ...event.data.product, active });
      if (created) await addToOutbox(tx, [stockChanged(created)]); // the read side learns the zero stock too
    },
  };
}

// Checkouts that died between inventory's Reserve and their order's commit (the app killed
// mid-checkout, the database lost) leave their intent behind, and units held that no order
// owns. Each replica's intents worker releases them: under the checkout's own lock, so never
// while a checkout of that order id is under way, and only when no order has the id.
import { withTransaction, type Pool } from '@pos/platform';
import { nothingHeld, type Inventory } from '../grpc/inventory.client.ts';
import { dropIntentsOf, staleIntents, tryLockCheckout } from '../store/checkout-intent.store.ts';
import { findOrder } from '../store/order.store.ts';

const BATCH = 50;

/** One pass: answers how many abandoned checkouts it settled (released, or found ordered after all). */
export async function releaseAbandonedCheckouts(pool: Pool, inventory: Inventory, olderThanSeconds: number): Promise<number> {
  let settled = 0;
  // An intent is recorded just before its checkout waits for the lock: one this old is not
  // waiting any more, so a free lock means that checkout has ended, one way or another.
  for (const orderId of await staleIntents(pool, olderThanSeconds, BATCH)) {
    if (await settle(pool, inventory, orderId)) settled += 1;
  }
  return settled;
}

async function settle(pool: Pool, inventory: Inventory, orderId: string): Promise<boolean> {
  return withTransaction(pool, async (tx) => {
    if (!(await tryLockCheckout(tx, orderId))) return false; // a checkout of this id is under way
    if (!(await findOrder(tx, orderId))) {
      // A retry of that checkout coming later is refused (ORDER.ID_SPENT: a new order id is
      // needed); the units are on sale again meanwhile.
      await inventory.release(orderId).catch((error: unknown) => {
        if (!nothingHeld(error)) throw error;
      });
    }
    await dropIntentsOf(tx, orderId);
    return true;
  });
}

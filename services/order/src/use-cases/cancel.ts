// Ending an unpaid order: by hand (cancel) or by the clock (expiry). Either way the
// reservation's Release, and the provider's cancel of pending electronic tenders, become
// saga steps in the same transaction.
import { withTransaction, type Pool, type Principal } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import { findOrder, lockDueOrders } from '../store/order.store.ts';
import type { OrderDeps } from './deps.ts';
import { endOrder } from './end-order.ts';
import { orderFor } from './order-access.ts';

/** Cancelling a cancelled order answers the same; a paid or expired one is a 409. */
export async function cancelOrder(deps: OrderDeps, orderId: string, principal: Principal): Promise<Order> {
  const order = await withTransaction(deps.pool, async (tx) => {
    const found = await orderFor(tx, orderId, principal, true);
    return found.status === 'cancelled' ? found : endOrder(tx, found, 'cancelled');
  });
  deps.kickSaga();
  return order;
}

/** One batch of unpaid orders past their time, expired in one transaction. Any number of
 * workers may run this at once: each locks its batch and skips the rows others hold. */
export async function expireDueOrders(pool: Pool, batch = 50): Promise<string[]> {
  return withTransaction(pool, async (tx) => {
    const ids = await lockDueOrders(tx, batch);
    for (const id of ids) {
      const order = await findOrder(tx, id);
      if (order) await endOrder(tx, order, 'expired'); // locked above, so it is there
    }
    return ids;
  });
}

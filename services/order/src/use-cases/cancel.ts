// Ending an unpaid order: by hand (cancel) or by the clock (expiry). Either way the
// reservation's Release, and the provider's cancel of pending electronic tenders, become
// saga steps in the same transaction.
import { withTransaction, type Pool, type Principal } from '@pos/platform';
import { receiptNumber, type Order } from '../domain/order.ts';
import { mayVoid } from '../domain/policy.ts';
import { paidAmount, type Tender } from '../domain/tenders.ts';
import { findOrder, lockDueOrders } from '../store/order.store.ts';
import { authorize } from './approvals.ts';
import type { OrderDeps } from './deps.ts';
import { endOrder } from './end-order.ts';
import { orderFor } from './order-access.ts';

/** Cancelling a cancelled order answers the same; a paid or expired one is a 409. Cancelling
 * one that money was taken on voids that payment (it becomes refunds due): a manager's or
 * admin's own right, a cashier's with a manager's approval (void, of this order, for the money
 * taken); audited either way. */
export async function cancelOrder(deps: OrderDeps, orderId: string, principal: Principal, approval?: string): Promise<Order> {
  const order = await withTransaction(deps.pool, async (tx) => {
    const found = await orderFor(tx, orderId, principal, true);
    if (found.status === 'cancelled') return found;
    const cancelled = await endOrder(tx, found, 'cancelled');
    const taken = paidAmount(found.tenders);
    if (taken > 0) {
      await authorize(tx, principal, {
        action: 'void', ref: found.id, amount: taken, detail: { receiptNumber: receiptNumber(found), tenders: paidTenders(found.tenders) },
      }, approval, mayVoid);
    }
    return cancelled;
  });
  deps.kickSaga();
  return order;
}

const paidTenders = (tenders: readonly Tender[]) =>
  tenders.filter((t) => t.status === 'paid').map(({ id, kind, amount }) => ({ id, kind, amount }));

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

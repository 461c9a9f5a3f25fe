import { NotFoundError, type Principal, type Transaction, type Pool } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import { requireOwnerOrManager } from '../domain/policy.ts';
import { findOrder } from '../store/order.store.ts';

/** The order, if it exists and the caller may see it (its cashier, or a manager). `lock` holds its row. */
export async function orderFor(db: Pool | Transaction, id: string, principal: Principal | undefined, lock = false): Promise<Order> {
  const order = await findOrder(db, id, lock);
  if (!order) throw new NotFoundError('ORDER.NOT_FOUND', `no order ${id}`);
  if (principal) requireOwnerOrManager(principal, order.cashierId, `order ${id}`);
  return order;
}

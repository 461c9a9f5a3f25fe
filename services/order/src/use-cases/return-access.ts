import { NotFoundError, type Pool, type Principal } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import type { OrderReturn } from '../domain/order-return.ts';
import { requireOwnerOrManager } from '../domain/policy.ts';
import { findOrder } from '../store/order.store.ts';
import { findReturn } from '../store/return.store.ts';

/** The return and the order it was made against, if the caller may see it (the cashier who
 * made it, or a manager). */
export async function returnFor(pool: Pool, id: string, principal: Principal): Promise<{ ret: OrderReturn; order: Order }> {
  const ret = await findReturn(pool, id);
  const order = ret && await findOrder(pool, ret.orderId);
  if (!ret || !order) throw new NotFoundError('RETURN.NOT_FOUND', `no return ${id}`);
  requireOwnerOrManager(principal, ret.cashierId, `return ${id}`);
  return { ret, order };
}

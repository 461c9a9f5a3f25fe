import { NotFoundError, type Pool } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import type { OrderReturn } from '../domain/order-return.ts';
import { findOrder } from '../store/order.store.ts';
import { findReturn } from '../store/return.store.ts';

/** The return and the order it was made against. */
export async function returnFor(pool: Pool, id: string): Promise<{ ret: OrderReturn; order: Order }> {
  const ret = await findReturn(pool, id);
  const order = ret && await findOrder(pool, ret.orderId);
  if (!ret || !order) throw new NotFoundError('RETURN.NOT_FOUND', `no return ${id}`);
  return { ret, order };
}

// Refunds due, for a manager: listed, and given back. Cash is handed out from the drawer and
// recorded as paid at once.
import { addToOutbox, NotFoundError, withTransaction, type Principal } from '@pos/platform';
import { payOut, type PayoutMethod, type Refund } from '../domain/refunds.ts';
import { refundChanged } from '../events/order-events.ts';
import { findOrder } from '../store/order.store.ts';
import { findRefund, updateRefund } from '../store/refund.store.ts';
import type { OrderDeps } from './deps.ts';

/** Gives a refund due back. Idempotent: a refund no longer due is answered as it is. */
export async function payRefundDue(deps: Pick<OrderDeps, 'pool'>, refundId: string, method: PayoutMethod, principal: Principal): Promise<Refund> {
  return withTransaction(deps.pool, async (tx) => {
    const found = await findRefund(tx, refundId);
    if (!found) throw new NotFoundError('REFUND.NOT_FOUND', `no refund ${refundId}`);
    // The order's row first, as every writer of its tenders and refunds takes it.
    const order = await findOrder(tx, found.orderId, true);
    const refund = await findRefund(tx, refundId, true);
    const tender = order?.tenders.find((t) => t.id === refund?.tenderId);
    if (!refund || !tender) throw new Error(`refund ${refundId} lost its order or tender`); // foreign keys: a bug if seen
    const changed = payOut(refund, tender, method, principal.id, new Date());
    if (changed === 'unchanged') return refund;
    await updateRefund(tx, changed, refund.status);
    await addToOutbox(tx, [refundChanged(changed)]);
    return changed;
  });
}

// What a payment provider says about a tender (a webhook, a status query, a cancel), applied to
// the order. When paid tenders cover the total, the order is paid and its reservation's Commit
// becomes a saga step, in the same transaction; when a failed electronic tender leaves nothing
// that pays, the sale is cancelled and its stock released the same way.
import { NotFoundError, withTransaction } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import { applyOutcome, isCovered, nothingCounts, type TenderOutcome } from '../domain/tenders.ts';
import { updateTender } from '../store/order.store.ts';
import type { OrderDeps } from './deps.ts';
import { endOrder } from './end-order.ts';
import { orderFor } from './order-access.ts';
import { oweBack } from './owe-back.ts';

/** Applies a payment provider's word on one tender: idempotent (a replay changes nothing),
 * safe out of order (paid is final; money after the order ended is kept and flagged for
 * refund), and the amount must match. Called by the Midtrans webhook, the cancel step and
 * reconciliation. */
export async function recordTenderOutcome(deps: Pick<OrderDeps, 'pool' | 'kickSaga'>, orderId: string, tenderId: string, outcome: TenderOutcome): Promise<Order> {
  const result = await withTransaction(deps.pool, async (tx) => {
    const order = await orderFor(tx, orderId, undefined, true);
    const tender = order.tenders.find((candidate) => candidate.id === tenderId);
    if (!tender) throw new NotFoundError('ORDER.TENDER_NOT_FOUND', `order ${orderId} has no tender ${tenderId}`);
    const changed = applyOutcome(tender, outcome, order.status === 'pending');
    if (changed === 'ignore') return order;
    await updateTender(tx, changed);
    if (changed.refundDue && !tender.refundDue) await oweBack(tx, orderId, [changed]); // money that came too late
    const updated = { ...order, tenders: order.tenders.map((t) => (t.id === tenderId ? changed : t)) };
    if (updated.status !== 'pending') return updated;
    if (isCovered(updated.total, updated.tenders)) return endOrder(tx, updated, 'paid');
    // Denied or expired, and no other tender pays or may still pay: the customer has walked away.
    if (changed.status === 'cancelled' && nothingCounts(updated.tenders)) return endOrder(tx, updated, 'cancelled');
    return updated;
  });
  deps.kickSaga();
  return result;
}

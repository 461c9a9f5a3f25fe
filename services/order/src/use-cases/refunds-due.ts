// Refunds due, for a manager: given back. Cash is handed out from the drawer and recorded as paid
// at once; the original way, for QRIS and Snap, is a refund asked of Midtrans (midtrans-refund.ts).
import { addToOutbox, NotFoundError, withTransaction, type Principal } from '@pos/platform';
import { mayRefund } from '../domain/policy.ts';
import { payOut, type PayoutMethod, type Refund } from '../domain/refunds.ts';
import { refundChanged } from '../events/order-events.ts';
import { findRefund, updateRefund } from '../store/refund.store.ts';
import { findTender } from '../store/tender.store.ts';
import { addRefundStep } from '../store/saga.store.ts';
import { shiftAt } from '../store/shift.store.ts';
import { authorize } from './approvals.ts';
import type { OrderDeps } from './deps.ts';
import { REFUND_BACKSTOP_SECONDS, tryRefundAtMidtrans } from './midtrans-refund.ts';

/** Gives a refund due back: a manager's or admin's own right, a cashier's with a manager's
 * approval of a refund of its order for its amount; audited either way. Idempotent: a refund no
 * longer due is answered as it is (one still pending at Midtrans is asked about again), and
 * needs no approval, since no money moves. */
export async function payRefundDue(
  deps: Pick<OrderDeps, 'pool' | 'midtrans'>, refundId: string, method: PayoutMethod, principal: Principal, approval?: string,
): Promise<Refund> {
  const refund = await withTransaction(deps.pool, async (tx) => {
    const found = await findRefund(tx, refundId, true);
    if (!found) throw new NotFoundError('REFUND.NOT_FOUND', `no refund ${refundId}`);
    const tender = await findTender(tx, found.tenderId);
    if (!tender) throw new Error(`refund ${refundId} lost its tender`); // a foreign key: a bug if seen
    const paid = payOut(found, tender, method, principal.id, new Date());
    if (paid === 'unchanged') return found;
    // Given back from the drawer (or asked of Midtrans) at the payer's till: its shift's.
    const changed = { ...paid, shiftId: (await shiftAt(tx, principal.till?.id))?.id ?? null };
    await updateRefund(tx, changed, found.status);
    if (changed.status === 'pending') await addRefundStep(tx, changed.orderId, changed.id, REFUND_BACKSTOP_SECONDS);
    await addToOutbox(tx, [refundChanged(changed)]);
    await authorize(tx, principal, {
      action: 'refund', ref: changed.orderId, amount: changed.amount, detail: { kind: 'refund-due', refundId: changed.id, method: changed.method },
    }, approval, mayRefund);
    return changed;
  });
  if (refund.status !== 'pending') return refund;
  await tryRefundAtMidtrans(deps, refund.id);
  return (await findRefund(deps.pool, refund.id)) ?? refund;
}

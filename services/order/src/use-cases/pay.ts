// Tenders: cash at the till now; electronic outcomes (a webhook, a status query) through
// recordTenderOutcome. When paid tenders cover the total, the order is paid and its
// reservation's Commit becomes a saga step, in the same transaction.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, withTransaction, type Principal } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import { transition } from '../domain/order-status.ts';
import { applyOutcome, cashTender, isCovered, type Tender, type TenderOutcome } from '../domain/tenders.ts';
import { insertTender, updateTender } from '../store/order.store.ts';
import type { OrderDeps } from './deps.ts';
import { endOrder } from './end-order.ts';
import { orderFor } from './order-access.ts';

export async function payCash(deps: OrderDeps, orderId: string, tendered: number, principal: Principal): Promise<{ order: Order; tender: Tender }> {
  const result = await withTransaction(deps.pool, async (tx) => {
    const order = await orderFor(tx, orderId, principal, true);
    if (order.status !== 'pending') transition(order.id, order.status, 'paid'); // throws: 409 naming the status
    // Past its time the units may be released any moment: no money is taken for it.
    if (order.expiresAt <= new Date()) throw new ConflictError('ORDER.EXPIRED', `order ${order.id} has expired`);
    const tender = cashTender(randomUUID(), order.total, order.tenders, tendered);
    await insertTender(tx, order.id, tender);
    const withTender = { ...order, tenders: [...order.tenders, tender] };
    return { order: isCovered(order.total, withTender.tenders) ? await endOrder(tx, withTender, 'paid') : withTender, tender };
  });
  deps.kickSaga();
  return result;
}

/** Applies a payment provider's word on one tender: idempotent (a replay changes nothing),
 * safe out of order (paid is final; money after the order ended is kept and flagged for
 * refund), and the amount must match. Called by the Midtrans webhook and reconciliation. */
export async function recordTenderOutcome(deps: OrderDeps, orderId: string, tenderId: string, outcome: TenderOutcome): Promise<Order> {
  const result = await withTransaction(deps.pool, async (tx) => {
    const order = await orderFor(tx, orderId, undefined, true);
    const tender = order.tenders.find((candidate) => candidate.id === tenderId);
    if (!tender) throw new NotFoundError('ORDER.TENDER_NOT_FOUND', `order ${orderId} has no tender ${tenderId}`);
    const changed = applyOutcome(tender, outcome, order.status === 'pending');
    if (changed === 'ignore') return order;
    await updateTender(tx, changed);
    const updated = { ...order, tenders: order.tenders.map((t) => (t.id === tenderId ? changed : t)) };
    return updated.status === 'pending' && isCovered(updated.total, updated.tenders) ? endOrder(tx, updated, 'paid') : updated;
  });
  deps.kickSaga();
  return result;
}

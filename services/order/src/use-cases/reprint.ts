// A receipt printed again: marked as a copy, audited, a manager's or admin's own right and a
// cashier's with a manager's approval (reprint, of this order).
import { withTransaction, type Principal } from '@pos/platform';
import { receiptNumber } from '../domain/order.ts';
import { mayReprint } from '../domain/policy.ts';
import { receiptOf, type Receipt } from '../domain/receipt.ts';
import { authorize } from './approvals.ts';
import type { OrderDeps } from './deps.ts';
import { orderFor } from './order-access.ts';

export async function reprintReceipt(deps: OrderDeps, orderId: string, principal: Principal, approval?: string): Promise<Receipt & { copy: true }> {
  return withTransaction(deps.pool, async (tx) => {
    // Any till's receipt may be printed again: the approval is for this order.
    const order = await orderFor(tx, orderId, undefined);
    const receipt = receiptOf(order, deps.settings.timeZone);
    await authorize(tx, principal, { action: 'reprint', ref: order.id, amount: 0, detail: { receiptNumber: receiptNumber(order) } }, approval, mayReprint);
    return { ...receipt, copy: true };
  });
}

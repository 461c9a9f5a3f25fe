// The one place a discount beyond the cashier's limit is let through: a manager or admin gives
// it alone; a cashier needs a manager's approval (header X-Approval) of the action for the
// order's discounts in Rupiah, bound to the order id. Either way it is audited (approvals.ts),
// in the checkout's transaction.
import type { Principal, Transaction } from '@pos/platform';
import { beyondLimit } from '../domain/discounts.ts';
import type { Order } from '../domain/order.ts';
import { mayDiscountBeyondLimit } from '../domain/policy.ts';
import { authorize } from './approvals.ts';

export async function approveDiscounts(
  tx: Transaction, principal: Principal, order: Pick<Order, 'id' | 'lines' | 'total'>, approvalToken: string | undefined, limitPercent: number,
): Promise<void> {
  const need = beyondLimit(order.lines, limitPercent);
  if (!need) return;
  const detail = { limitPercent, total: order.total };
  await authorize(tx, principal, { ...need, ref: order.id, detail }, approvalToken, mayDiscountBeyondLimit);
}

// The one place a discount beyond the cashier's limit is let through: a manager or admin gives
// it alone; a cashier needs a manager's approval (header X-Approval) of the action for the
// order's discounts in Rupiah, bound to the order id.
import { AppError, type Principal, type Transaction } from '@pos/platform';
import { beyondLimit } from '../domain/discounts.ts';
import type { Order } from '../domain/order.ts';
import { mayDiscountBeyondLimit } from '../domain/policy.ts';

export async function approveDiscounts(
  tx: Transaction, principal: Principal, order: Pick<Order, 'id' | 'lines'>, approvalToken: string | undefined, limitPercent: number,
): Promise<void> {
  const need = beyondLimit(order.lines, limitPercent);
  if (!need) return;
  await authorizeUntilApprovalsExist(tx, principal, { ...need, ref: order.id }, approvalToken);
}

// Until order's approvals.ts lands, this stands in for `authorize(tx, principal, {action, ref,
// amount, tillCode}, approvalToken, mayDiscountBeyondLimit)`, which then replaces its body.
async function authorizeUntilApprovalsExist(
  _tx: Transaction, principal: Principal, request: { action: string; ref: string; amount: number }, _approvalToken: string | undefined,
): Promise<void> {
  if (mayDiscountBeyondLimit.includes(principal.role)) return;
  throw new AppError('forbidden', 'APPROVAL.REQUIRED', `a discount of ${request.amount} needs a manager's approval (${request.action})`, request);
}

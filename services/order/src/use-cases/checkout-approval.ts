// The one place a checkout's prices beyond a cashier's say are let through: discounts beyond
// the cashier's limit, and scale labels priced over LABEL_PRICE_CEILING. A manager or admin
// gives them alone; a cashier needs a manager's approval (header X-Approval) of the action for
// the amount at stake in Rupiah, bound to the order id. Either way it is audited (approvals.ts),
// in the checkout's transaction.
import type { Principal, Transaction } from '@pos/platform';
import { beyondLimit } from '../domain/discounts.ts';
import type { Order } from '../domain/order.ts';
import { mayDiscountBeyondLimit } from '../domain/policy.ts';
import { checkoutApprovalNeed, type LabelsOverCeiling } from '../domain/pricing.ts';
import { authorize } from './approvals.ts';

export interface CheckoutLimits {
  limitPercent: number;
  labelPriceCeiling: number;
}

export async function approveCheckout(
  tx: Transaction, principal: Principal, order: Pick<Order, 'id' | 'lines' | 'total'>, labels: LabelsOverCeiling | null,
  approvalToken: string | undefined, limits: CheckoutLimits,
): Promise<void> {
  const need = checkoutApprovalNeed(beyondLimit(order.lines, limits.limitPercent), labels);
  if (!need) return;
  const detail = { limitPercent: limits.limitPercent, total: order.total, ...(labels && { labelPriceCeiling: limits.labelPriceCeiling, labels: labels.labels }) };
  await authorize(tx, principal, { ...need, ref: order.id, detail }, approvalToken, mayDiscountBeyondLimit);
}

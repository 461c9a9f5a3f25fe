// The one place shifts ask for a manager's approval (a no-sale drawer open, a variance over the
// threshold). Until order's approvals.ts (manager PINs, shop-approvals) is on main, only a role in
// `allowed` may do these; then this body becomes `return authorize(tx, principal, request, approvalToken, allowed)`.
import { ForbiddenError, type Principal, type Role, type Transaction } from '@pos/platform';

export interface ApprovalRequest {
  action: 'no-sale' | 'shift-variance';
  /** What it is for: the shift's id. */
  ref: string;
  amount: number;
  tillCode?: string;
  detail?: object;
}

/** approvedBy: null when the actor's own role allows it. */
export async function approve(_tx: Transaction, principal: Principal, request: ApprovalRequest, _approvalToken: string | undefined, allowed: readonly Role[]): Promise<{ approvedBy: string | null }> {
  if (allowed.includes(principal.role)) return { approvedBy: null };
  throw new ForbiddenError(`${request.action} needs a manager's approval`, 'APPROVAL.REQUIRED');
}

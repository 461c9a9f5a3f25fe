// When an action needs a manager's approval, and whether the one given fits it. The approval
// itself is verified (signature, audience, expiry) by the platform; spent once in the store.
import { AppError, ForbiddenError, type ApprovalAction, type ApprovalClaims, type Principal, type Role } from '@pos/platform';

export interface ApprovalRequest {
  action: ApprovalAction;
  /** What it is for: the order id of a refund, void or reprint; a shift id; a product id… */
  ref: string;
  /** The integer Rupiah at stake (0 when none is). */
  amount: number;
  tillCode?: string;
  detail?: object;
}

/** Who approves an approval: a manager or an admin. */
const approvers: readonly Role[] = ['manager', 'admin'];

/** The actor's own role may do it (then they approve themselves). */
export const needsApproval = (principal: Principal, allowed: readonly Role[]): boolean => !allowed.includes(principal.role);

/** 403 APPROVAL.REQUIRED: the till shows the PIN pad on this code, and asks for what the details say. */
export function approvalRequired(request: ApprovalRequest): AppError {
  return new AppError('forbidden', 'APPROVAL.REQUIRED', `this needs a manager's approval (${request.action})`,
    { action: request.action, ref: request.ref, amount: request.amount });
}

const invalid = (why: string) => new ForbiddenError(`the approval does not fit this action: ${why}`, 'APPROVAL.INVALID');

/** An approval fits when a manager gave it to this caller, at this caller's till, for this
 * action on this thing, for at least this amount. */
export function checkApproval(claims: ApprovalClaims, request: ApprovalRequest, principal: Principal): void {
  if (!approvers.includes(claims.role)) throw invalid(`it was given by a ${claims.role}`);
  if (claims.act !== request.action) throw invalid(`it approves ${claims.act}, not ${request.action}`);
  if (claims.ref !== request.ref) throw invalid(`it is for ${claims.ref}, not ${request.ref}`);
  if (claims.amt < request.amount) throw invalid(`it approves ${claims.amt} Rupiah, this is ${request.amount}`);
  if (claims.req !== principal.id) throw invalid('it was asked for by another user');
  if ((claims.till ?? null) !== (principal.till?.code ?? null)) throw invalid('it was asked for at another till');
}

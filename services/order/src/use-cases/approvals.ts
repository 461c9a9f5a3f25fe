// An action a role may not do alone, done with a manager's approval: checked, spent and
// audited in the action's own transaction, so a rolled-back action leaves no audit line and
// its approval unspent. Actions audited even for a manager call this too (with allowed roles
// that include theirs): every call appends one audit entry.
import { ConflictError, jwksFromUserService, verifyApproval, type Principal, type Role, type Transaction } from '@pos/platform';
import { approvalRequired, checkApproval, needsApproval, type ApprovalRequest } from '../domain/approval.ts';
import { appendAudit, useApproval } from '../store/audit.store.ts';

// The user service's key set, as the token verifier has it (made on first use, cached by jose).
let userKeys: ReturnType<typeof jwksFromUserService> | undefined;
const keys = () => (userKeys ??= jwksFromUserService());

/** `allowed` may do it without an approval; anyone else needs one for exactly this request
 * (X-Approval): none → 403 APPROVAL.REQUIRED, one that does not fit → 403 APPROVAL.INVALID,
 * one spent before → 409 APPROVAL.USED. Takes the audit log's lock until `tx` ends: call it
 * after the rows the action locks. */
export async function authorize(
  tx: Transaction, principal: Principal, request: ApprovalRequest, approvalToken: string | undefined, allowed: readonly Role[],
): Promise<{ approvedBy: string | null }> {
  let approvedBy: string | null = null;
  let approval: { id: string; approverName: string } | undefined;
  if (needsApproval(principal, allowed)) {
    if (!approvalToken) throw approvalRequired(request);
    const claims = await verifyApproval(approvalToken, keys());
    checkApproval(claims, request, principal);
    if (!(await useApproval(tx, { jti: claims.jti, action: request.action, ref: request.ref, usedBy: principal.id }))) {
      throw new ConflictError('APPROVAL.USED', 'this approval was used before: ask the manager again');
    }
    approvedBy = claims.sub;
    approval = { id: claims.jti, approverName: claims.name };
  }
  await appendAudit(tx, {
    actorId: principal.id, actorRole: principal.role, tillCode: request.tillCode ?? principal.till?.code ?? null, action: request.action,
    ref: request.ref, amount: request.amount, approvedBy, detail: { actorName: principal.name, ...request.detail, ...(approval && { approval }) },
  });
  return { approvedBy };
}

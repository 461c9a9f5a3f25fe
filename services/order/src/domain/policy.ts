// Who may do what with carts and orders, in one place: routes and use cases ask here.
import { ForbiddenError, type Principal, type Role, type TillClaim } from '@pos/platform';

/** Cashiers sell; managers and admins may too (covering a till). */
export const maySell: readonly Role[] = ['cashier', 'manager', 'admin'];
/** Reports are the back office's. */
export const mayReport: readonly Role[] = ['manager', 'admin'];
/** Giving money back (returns, refunds due) is a manager's; a cashier does it with a manager's
 * approval (use-cases/approvals.ts). The same for voiding an order money was taken on, and
 * reprinting a receipt. */
export const mayRefund: readonly Role[] = ['manager', 'admin'];
export const mayVoid: readonly Role[] = ['manager', 'admin'];
export const mayReprint: readonly Role[] = ['manager', 'admin'];
/** The audit log is read by the back office. */
export const mayReadAudit: readonly Role[] = ['manager', 'admin'];

/** Discounts beyond the cashier's limit (CASHIER_DISCOUNT_LIMIT_PERCENT): these roles give them
 * alone; a cashier needs a manager's approval. */
export const mayDiscountBeyondLimit: readonly Role[] = ['manager', 'admin'];

/** A cart or order belongs to the cashier who opened it; managers and admins see every till's. */
export function requireOwnerOrManager(principal: Principal, ownerId: string, what: string): void {
  if (principal.id === ownerId || principal.role === 'manager' || principal.role === 'admin') return;
  throw new ForbiddenError(`${what} belongs to another cashier`, 'ORDER.NOT_YOURS');
}

/** Sales made offline come from a registered till: the token's till claim says which. */
export function requireTill(principal: Principal): TillClaim {
  if (!principal.till) throw new ForbiddenError('only a registered till uploads the sales it made offline: log in at the till', 'TILL.REQUIRED');
  return principal.till;
}

/** What a cashier does only with a manager's approval (a drawer opened without a sale, a shift
 * variance over the threshold), a manager or admin does alone. */
export const mayApprove: readonly Role[] = ['manager', 'admin'];

/** A shift is run at its till: a cashier acts on it only from there; managers and admins from
 * anywhere (closing a shift a cashier left open). */
export function requireAtShiftTill(principal: Principal, shiftTillId: string): void {
  if (principal.role === 'manager' || principal.role === 'admin' || principal.till?.id === shiftTillId) return;
  throw new ForbiddenError('this shift is another till\'s: log in at its till', 'SHIFT.OTHER_TILL');
}

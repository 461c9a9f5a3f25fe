// Manager PINs and the approvals they give at a till.
import { ForbiddenError, TooManyRequestsError, UnauthorizedError, withTransaction, type Principal } from '@pos/platform';
import { issueApprovalToken, type ApprovalAsked } from '../domain/approval-token.ts';
import { limitOf, secondsUntil } from '../domain/login-policy.ts';
import { hashPassword, spendPasswordCheckTime, verifyPassword } from '../domain/password.ts';
import { existingUser } from '../domain/user.ts';
import { forgiveAttempt, pruneEndedWindows, reserveAttempts } from '../store/login-throttle.store.ts';
import { addAudit, findApprover, findUser, setPinHash } from '../store/user.store.ts';
import type { UserServiceDeps } from './deps.ts';

const approvers = ['admin', 'manager'];

/** A manager sets their own PIN. No current password is asked: whoever holds a manager's
 * session may already do, as that manager, all that a PIN approves. */
export async function setOwnPin(deps: UserServiceDeps, me: Principal, pin: string): Promise<void> {
  const pinHash = await hashPassword(pin, deps.settings.password);
  await withTransaction(deps.pool, async (tx) => {
    if (!(await setPinHash(tx, me.id, pinHash))) throw new ForbiddenError('only a manager or an admin has a PIN', 'USER.NOT_AN_APPROVER');
    await addAudit(tx, { userId: me.id, actorId: me.id, action: 'pin-set' });
  });
}

/** An admin clears a manager's PIN (forgotten, or seen by others): no approvals until a new one. */
export async function clearPin(deps: UserServiceDeps, admin: Principal, userId: string): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    existingUser(await findUser(tx, userId), userId);
    await setPinHash(tx, userId, null);
    await addAudit(tx, { userId, actorId: admin.id, action: 'pin-cleared' });
  });
}

/** One answer for an unknown manager, a cashier, a deactivated account, no PIN set and a wrong PIN. */
const wrongPin = () => new UnauthorizedError('the manager or the PIN is wrong', 'APPROVAL.WRONG_PIN');

/** A manager's approval, for the cashier asking (`cashier`, their access token), of one action.
 * PIN checks are counted per manager account, whoever asks and from wherever: at most
 * LOGIN_MAX_FAILURES wrong ones a window, then 429 until it ends. A check is reserved before
 * the PIN is compared, so a burst cannot get more; a right PIN starts the count again. */
export async function approve(deps: UserServiceDeps, cashier: Principal, manager: string, pin: string, asked: ApprovalAsked) {
  const found = await findApprover(deps.pool, manager);
  const key = `pin:${found?.user.id ?? manager.trim().toLowerCase()}`;
  await pruneEndedWindows(deps.pool);
  const [reserved] = await reserveAttempts(deps.pool, [key], deps.settings.login.windowSeconds);
  if (reserved && reserved.attempts > limitOf(key, deps.settings.login)) {
    throw new TooManyRequestsError('APPROVAL.PIN_LOCKED', 'too many wrong PINs for this manager; try again later', secondsUntil(reserved.windowEnds));
  }
  if (!found?.pinHash) {
    await spendPasswordCheckTime(pin, deps.settings.password);
    throw wrongPin();
  }
  const { ok } = await verifyPassword(pin, found.pinHash, deps.settings.password);
  if (!ok || !found.user.active || !approvers.includes(found.user.role)) throw wrongPin();
  await forgiveAttempt(deps.pool, key, key);
  const { token, expiresAt } = await issueApprovalToken(found.user, cashier, asked, deps.keys);
  await addAudit(deps.pool, { userId: found.user.id, actorId: cashier.id, action: 'approval-issued', changes: { ...asked, till: cashier.till?.code ?? null } });
  return { approval: token, expiresAt: expiresAt.toISOString(), approvedBy: { id: found.user.id, name: found.user.name } };
}


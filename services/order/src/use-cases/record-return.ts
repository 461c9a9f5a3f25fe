// A return against a receipt (POST /returns): the lines that came back, priced as they were sold,
// and their refunds, in one transaction with the till's next refund receipt number, the saga step
// that gives the goods back to inventory, a step per Midtrans refund (its backstop) and the events.
// Returns of one order take turns on the order's row lock, so two tills returning the same line at
// once see each other's return: one is refunded, the other refused. The till makes the return's id,
// so a retry is the same return: the same body answers it again, another body is a 422.
import { createHash, randomUUID } from 'node:crypto';
import { addToOutbox, UnprocessableError, withTransaction, type Principal, type Transaction } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import type { OrderReturn, RefundTo } from '../domain/order-return.ts';
import { mayRefund } from '../domain/policy.ts';
import type { Refund } from '../domain/refunds.ts';
import { allocateRefund, checkReturnable, returnLines, returnTaxes, type RequestedReturnLine } from '../domain/returns.ts';
import { orderReturned, refundChanged } from '../events/order-events.ts';
import { insertRefund } from '../store/refund.store.ts';
import { findReturn, insertReturn, nextReturnSeq, type StoredReturn } from '../store/return.store.ts';
import { addRefundStep, addSteps } from '../store/saga.store.ts';
import { shiftAt } from '../store/shift.store.ts';
import { authorize } from './approvals.ts';
import type { OrderDeps } from './deps.ts';
import { REFUND_BACKSTOP_SECONDS, tryRefundAtMidtrans } from './midtrans-refund.ts';
import { orderFor } from './order-access.ts';

export interface ReturnCommand {
  returnId: string;
  orderId: string;
  outletId: string;
  tillId: string;
  lines: RequestedReturnLine[];
  refundTo: RefundTo;
}

const hashOf = (command: ReturnCommand): string => createHash('sha256').update(JSON.stringify(command)).digest('hex');

/** The return an earlier request with this id made, if this one asks the same; else a 422. */
function sameReturn(existing: StoredReturn, requestHash: string): OrderReturn {
  if (existing.requestHash !== requestHash) {
    throw new UnprocessableError('RETURN.IDEMPOTENCY_MISMATCH', `return ${existing.id} was made with another request`, { returnId: existing.id });
  }
  return existing;
}

/** A manager's or an admin's own right; a cashier's with a manager's approval of a refund of
 * this order for the return's total. Audited either way, in the return's transaction. */
export async function recordReturn(
  deps: OrderDeps, command: ReturnCommand, principal: Principal, approval?: string,
): Promise<{ ret: OrderReturn; created: boolean }> {
  const requestHash = hashOf(command);
  const existing = await findReturn(deps.pool, command.returnId);
  if (existing) return { ret: sameReturn(existing, requestHash), created: false };
  const made = await withTransaction(deps.pool, async (tx) => {
    // Any cashier's sale may come back: the approval is for this order (authorize below).
    const order = await orderFor(tx, command.orderId, undefined, true); // returns of one order take turns here
    const raced = await findReturn(tx, command.returnId);
    if (raced) return { ret: sameReturn(raced, requestHash), created: false };
    const ret = await newReturn(tx, deps, order, command, principal);
    if (!(await insertReturn(tx, ret, requestHash))) {
      // Only another order's return can hold the id now (this order's would have been found above).
      throw new UnprocessableError('RETURN.IDEMPOTENCY_MISMATCH', `return ${ret.id} was made with another request`, { returnId: ret.id });
    }
    await saveRefunds(tx, ret);
    await addToOutbox(tx, [orderReturned(ret, order), ...ret.refunds.map(refundChanged)]);
    await authorize(tx, principal, {
      action: 'refund', ref: order.id, amount: ret.total,
      detail: { kind: 'return', returnId: ret.id, refundTo: ret.refundTo, lines: ret.lines.map(({ lineNo, quantity }) => ({ lineNo, quantity })) },
    }, approval, mayRefund);
    return { ret, created: true };
  });
  if (!made.created) return made;
  deps.kickSaga();
  const pending = made.ret.refunds.filter((refund) => refund.status === 'pending');
  for (const refund of pending) await tryRefundAtMidtrans(deps, refund.id);
  return { ret: pending.length > 0 ? (await findReturn(deps.pool, made.ret.id)) ?? made.ret : made.ret, created: true };
}

/** The return as the rules make it of the locked order: its lines, total, taxes and refunds. */
async function newReturn(tx: Transaction, deps: OrderDeps, order: Order, command: ReturnCommand, principal: Principal): Promise<OrderReturn> {
  const now = new Date();
  checkReturnable(order, now, deps.settings.returnPeriodDays);
  const earlier = order.returns ?? [];
  const lines = returnLines(order, earlier, command.lines);
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  if (total === 0) throw new UnprocessableError('RETURN.NOTHING_TO_REFUND', 'the lines returned come to nothing', { field: 'lines' });
  const pieces = allocateRefund(total, order.tenders, earlier.flatMap((r) => r.refunds), command.refundTo);
  const shiftId = (await shiftAt(tx, principal.till?.id))?.id ?? null; // the drawer it is given back from
  const refunds = pieces.map((piece): Refund => ({
    id: randomUUID(), orderId: order.id, tenderId: piece.tender.id, cause: 'return', returnId: command.returnId, method: piece.method,
    amount: piece.amount, status: piece.method === 'cash' ? 'paid' : 'pending', externalId: null,
    paidAt: piece.method === 'cash' ? now : null, paidBy: principal.id, createdAt: now, shiftId,
  }));
  return {
    id: command.returnId, orderId: order.id, outletId: command.outletId, tillId: command.tillId,
    receiptSeq: await nextReturnSeq(tx, command.outletId, command.tillId), cashierId: principal.id, cashierName: principal.name,
    total, taxes: returnTaxes(lines), refundTo: command.refundTo, lines, refunds, createdAt: now,
  };
}

/** The refunds, the saga step that gives the goods back, and a backstop step per Midtrans refund. */
async function saveRefunds(tx: Transaction, ret: OrderReturn): Promise<void> {
  for (const refund of ret.refunds) {
    if (!(await insertRefund(tx, refund))) throw new Error(`return ${ret.id} has a refund of tender ${refund.tenderId} already`); // a bug if seen
    if (refund.status === 'pending') await addRefundStep(tx, ret.orderId, refund.id, REFUND_BACKSTOP_SECONDS);
  }
  await addSteps(tx, ret.orderId, [{ action: 'inventory.return', returnId: ret.id }]);
}

// Refunds given back through Midtrans (a return paid by QRIS or Snap, or a refund due given back
// the way it was paid). The refund is committed as pending first, with a saga step as backstop;
// then Midtrans' refund API is asked with the refund's id as refund_key, so asking again (the
// step, a retry) never refunds twice. Midtrans' answer, or the refund notification that follows,
// settles it once: refunded → paid; refused for good → due again, for a manager to give in cash.
import { addToOutbox, createLogger, withTransaction } from '@pos/platform';
import { afterMidtrans, type Refund } from '../domain/refunds.ts';
import { refundChanged } from '../events/order-events.ts';
import { MidtransRejectedError, type TransactionState } from '../payments/midtrans-gateway.ts';
import { findRefund, updateRefund } from '../store/refund.store.ts';
import type { OrderDeps } from './deps.ts';

const log = createLogger('order');

/** A pending refund's saga step asks Midtrans this long after it was made, should the request's
 * own ask have got no answer (or the app stopped before it). */
export const REFUND_BACKSTOP_SECONDS = 30;

type MidtransAnswer = { refunded: true; externalId: string | null } | { refunded: false };
type RefundDeps = Pick<OrderDeps, 'pool' | 'midtrans'>;

/** Asks Midtrans to give a pending refund back and records its answer. No answer (unreachable,
 * a 5xx) throws: the refund stays pending and its saga step asks again. */
export async function refundAtMidtrans(deps: RefundDeps, refundId: string): Promise<void> {
  const refund = await findRefund(deps.pool, refundId);
  if (refund?.status !== 'pending') return; // settled already, by an answer or a notification
  let answer: MidtransAnswer;
  try {
    const reason = refund.cause === 'return' ? `goods returned (return ${refund.returnId})` : 'paid on an order that ended unpaid';
    const refunded = await deps.midtrans.gateway.refund(refund.tenderId, { refundKey: refund.id, amount: refund.amount, reason });
    answer = { refunded: true, externalId: refunded.chargebackId };
  } catch (error) {
    if (!(error instanceof MidtransRejectedError)) throw error;
    log.warn({ err: error, refundId, chargeId: refund.tenderId }, 'Midtrans refused a refund: it is due again, to give back in cash');
    answer = { refunded: false };
  }
  await settleRefund(deps, refundId, answer);
}

/** As refundAtMidtrans, in the request that made the refund: no answer leaves it to the saga. */
export async function tryRefundAtMidtrans(deps: RefundDeps, refundId: string): Promise<void> {
  await refundAtMidtrans(deps, refundId).catch((error: unknown) => {
    log.warn({ err: error, refundId }, 'Midtrans gave no answer to a refund: its saga step asks again');
  });
}

/** Applies Midtrans' word on a pending refund, once (a replay or a late answer changes nothing). */
async function settleRefund(deps: RefundDeps, refundId: string, answer: MidtransAnswer): Promise<Refund | undefined> {
  return withTransaction(deps.pool, async (tx) => {
    const refund = await findRefund(tx, refundId, true);
    if (!refund) return undefined;
    const changed = afterMidtrans(refund, answer, new Date());
    if (changed === 'unchanged') return refund;
    await updateRefund(tx, changed, refund.status);
    await addToOutbox(tx, [refundChanged(changed)]);
    return changed;
  });
}

/** The refunds Midtrans' status API lists for a charge (`state`, as a refund notification made us
 * ask): each of ours still pending, of this charge and this amount, is paid. Returns how many. */
export async function confirmRefunds(deps: RefundDeps, chargeId: string, state: TransactionState): Promise<number> {
  let confirmed = 0;
  for (const given of state.refunds) {
    const refund = /^[0-9a-f-]{36}$/i.test(given.refundKey) ? await findRefund(deps.pool, given.refundKey) : undefined;
    if (refund?.tenderId !== chargeId || refund.status !== 'pending') continue;
    if (refund.amount !== given.amount) {
      log.warn({ refundId: refund.id, expected: refund.amount, refunded: given.amount }, 'Midtrans lists a refund of another amount: left pending');
      continue;
    }
    if ((await settleRefund(deps, refund.id, { refunded: true, externalId: given.chargebackId }))?.status === 'paid') confirmed += 1;
  }
  return confirmed;
}

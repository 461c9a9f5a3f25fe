// Midtrans' notification may never come (the webhook down, a post lost): pending QRIS and Snap
// tenders are asked about through Midtrans' status API, and its answer is applied as a
// notification's would be, by recordTenderOutcome (idempotent, so a notification applying the
// same outcome at the same moment is harmless). Money that arrives after the order ended is
// recorded and flagged for refund there too.
import { createLogger, withTransaction } from '@pos/platform';
import { checkIntervalSeconds, unknownChargeMeans } from '../domain/reconciliation.ts';
import { MidtransRejectedError, type TransactionState } from '../payments/midtrans-gateway.ts';
import { findOrder } from '../store/order.store.ts';
import { cancelFailedCharge, lockTendersToCheck, scheduleNextCheck, type TenderToCheck } from '../store/tender.store.ts';
import type { OrderDeps } from './deps.ts';
import { confirmedOutcome } from './midtrans-notifications.ts';
import { recordTenderOutcome } from './pay.ts';

const log = createLogger('order');

/** What reconciliation found about one tender: Midtrans says `paid` or `cancelled` (applied),
 * or still `pending`; `never_charged`: Midtrans does not know it and its time is over, so the
 * tender was cancelled; `failed`: no usable answer (Midtrans unreachable, an amount that is not
 * the tender's), asked again at its next check. */
export type ReconcileResult = 'paid' | 'cancelled' | 'pending' | 'never_charged' | 'failed';

export type ReconcileDeps = Pick<OrderDeps, 'pool' | 'midtrans' | 'kickSaga'>;

/** One pass over the tenders due to be asked about, `batch` at most. Any number of reconcilers
 * may run it at once: each claims its tenders (locked, skipped by the others, and their next
 * check moved on in the same transaction) before asking Midtrans, so each tender is asked once
 * per round. */
export async function reconcilePendingTenders(deps: ReconcileDeps, firstWaitSeconds: number, batch = 20): Promise<ReconcileResult[]> {
  const claimed = await withTransaction(deps.pool, async (tx) => {
    const due = await lockTendersToCheck(tx, firstWaitSeconds, batch);
    for (const tender of due) await scheduleNextCheck(tx, tender.id, checkIntervalSeconds(tender.checks + 1, firstWaitSeconds));
    return due;
  });
  const results: ReconcileResult[] = [];
  for (const tender of claimed) results.push(await reconcileTender(deps, tender)); // one at a time: gentle on Midtrans
  return results;
}

async function reconcileTender(deps: ReconcileDeps, tender: TenderToCheck): Promise<ReconcileResult> {
  try {
    const state = await midtransState(deps, tender.id);
    if (!state) {
      if (unknownChargeMeans(tender, new Date()) === 'ask-again') return 'pending';
      await cancelNeverCharged(deps, tender);
      return 'never_charged';
    }
    const outcome = await confirmedOutcome(deps, tender, state);
    if (!outcome) return 'pending';
    await recordTenderOutcome(deps, tender.orderId, tender.id, outcome);
    return outcome.status;
  } catch (error) {
    log.warn({ err: error, chargeId: tender.id, orderId: tender.orderId }, 'reconciliation got no usable answer about a pending charge; it asks again later');
    return 'failed';
  }
}

/** The charge's state at Midtrans; undefined when Midtrans does not know it (404). */
async function midtransState(deps: ReconcileDeps, chargeId: string): Promise<TransactionState | undefined> {
  try {
    return await deps.midtrans.gateway.status(chargeId);
  } catch (error) {
    if (error instanceof MidtransRejectedError && error.httpStatus === 404) return undefined;
    throw error;
  }
}

/** As a charge Midtrans refused at the till: the tender stops holding the amount due. The order
 * itself stays as it is (its expiry, or the till, ends it). */
async function cancelNeverCharged(deps: ReconcileDeps, tender: TenderToCheck): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    await findOrder(tx, tender.orderId, true); // the order's writers take turns on its row
    await cancelFailedCharge(tx, tender.id);
  });
  log.warn({ chargeId: tender.id, orderId: tender.orderId }, 'a pending charge Midtrans never made was cancelled after its time');
}

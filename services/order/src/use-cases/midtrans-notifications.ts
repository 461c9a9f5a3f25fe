// Midtrans' word on a charge, acted on only as Midtrans' status API confirms it: the webhook's
// notification (public, so anyone could post one) and the cancel step both come through here.
// A refund's notification settles the refunds of the charge the status API lists.
import { createLogger, ForbiddenError, NotFoundError, UnprocessableError } from '@pos/platform';
import { amountMatches, hasValidSignature, outcomeOf, type MidtransNotification } from '../domain/midtrans-notification.ts';
import type { TenderOutcome } from '../domain/tenders.ts';
import { asAppError } from '../payments/gateway-errors.ts';
import type { TransactionState } from '../payments/midtrans-gateway.ts';
import { findTender, type StoredTender } from '../store/tender.store.ts';
import type { OrderDeps } from './deps.ts';
import { confirmRefunds } from './midtrans-refund.ts';
import { recordTenderOutcome } from './pay.ts';

const log = createLogger('order');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 'applied' when the order took the confirmed outcome (or already had it), 'no-change' when
 * Midtrans reports nothing final yet. A forged (403), unknown (404) or mismatched (422)
 * notification is logged and changes nothing. */
export async function handleMidtransNotification(deps: OrderDeps, notification: MidtransNotification): Promise<'applied' | 'no-change'> {
  const about = { chargeId: notification.order_id, transactionStatus: notification.transaction_status, grossAmount: notification.gross_amount };
  if (!hasValidSignature(notification, deps.midtrans.serverKey)) {
    log.warn(about, 'Midtrans notification refused: its signature is not Midtrans\'');
    throw new ForbiddenError('the notification\'s signature_key does not match', 'PAYMENT.SIGNATURE_INVALID');
  }
  const tender = UUID.test(notification.order_id) ? await findTender(deps.pool, notification.order_id) : undefined;
  if (!tender || tender.kind === 'cash') {
    log.warn(about, 'Midtrans notification refused: no such charge');
    throw new NotFoundError('PAYMENT.UNKNOWN_CHARGE', `no charge ${notification.order_id}`);
  }
  if (!amountMatches(notification.gross_amount, tender.amount)) throw mismatch(tender, notification.gross_amount);
  const state = await statusOf(deps, tender.id);
  // A refund's notification: the refunds Midtrans lists settle ours still pending.
  const refunds = await confirmRefunds(deps, tender.id, state);
  const outcome = await confirmedOutcome(deps, tender, state);
  if (outcome) await recordTenderOutcome(deps, tender.orderId, tender.id, outcome);
  return outcome || refunds > 0 ? 'applied' : 'no-change';
}

async function statusOf(deps: Pick<OrderDeps, 'midtrans'>, chargeId: string): Promise<TransactionState> {
  try {
    return await deps.midtrans.gateway.status(chargeId);
  } catch (error) {
    throw asAppError(error);
  }
}

/** What Midtrans' status API says about the tender's charge, as an outcome; undefined while it
 * is pending (or anything else not final). */
export async function confirmedOutcome(deps: Pick<OrderDeps, 'midtrans'>, tender: StoredTender, known?: TransactionState): Promise<TenderOutcome | undefined> {
  const state = known ?? await statusOf(deps, tender.id);
  const outcome = outcomeOf(state);
  if (outcome === 'none') return undefined;
  if (!amountMatches(state.grossAmount, tender.amount)) throw mismatch(tender, state.grossAmount);
  return { status: outcome, amount: tender.amount, externalId: state.transactionId };
}

function mismatch(tender: StoredTender, grossAmount: string): UnprocessableError {
  log.warn({ chargeId: tender.id, expected: tender.amount, grossAmount }, 'Midtrans amount refused: not the tender\'s');
  return new UnprocessableError('PAYMENT.AMOUNT_MISMATCH', `charge ${tender.id} is for ${tender.amount}, not ${grossAmount}`,
    { expected: tender.amount, received: grossAmount });
}

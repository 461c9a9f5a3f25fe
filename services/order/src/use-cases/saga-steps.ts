// What each saga step calls.
import { RemoteCallError } from '@pos/platform';
import type { Inventory } from '../grpc/inventory.client.ts';
import { MidtransRejectedError, type TransactionState } from '../payments/midtrans-gateway.ts';
import { findTender } from '../store/tender.store.ts';
import type { OrderDeps } from './deps.ts';
import { confirmedOutcome } from './midtrans-notifications.ts';
import { recordTenderOutcome } from './pay.ts';
import type { StepHandlers } from './run-saga.ts';

/** Cancels a pending QRIS/Snap tender at the provider when its order is cancelled or expires.
 * It must be idempotent: a step may run twice after a crash. */
export type CancelElectronicTender = (orderId: string, tenderId: string) => Promise<void>;

/** Midtrans' cancel API, then its answer recorded on the tender. 404: Midtrans never made the
 * charge (or a Snap link nobody opened yet): nothing to cancel. 412: the charge ended before;
 * its status says how, and money it took is recorded and flagged for refund. */
export function cancelAtMidtrans(deps: OrderDeps): CancelElectronicTender {
  return async (orderId, tenderId) => {
    const tender = await findTender(deps.pool, tenderId);
    if (!tender) throw new Error(`saga step names tender ${tenderId}, which does not exist`); // the foreign key makes this a bug
    let ended: TransactionState | undefined;
    try {
      ended = await deps.midtrans.gateway.cancel(tenderId);
    } catch (error) {
      if (error instanceof MidtransRejectedError && error.httpStatus === 404) {
        await recordTenderOutcome(deps, orderId, tenderId, { status: 'cancelled', amount: tender.amount });
        return;
      }
      if (!(error instanceof MidtransRejectedError && error.httpStatus === 412)) throw error;
    }
    const outcome = await confirmedOutcome(deps, tender, ended);
    if (outcome) await recordTenderOutcome(deps, orderId, tenderId, outcome);
  };
}

export function stepHandlers(inventory: Inventory, cancelElectronicTender: CancelElectronicTender): StepHandlers {
  return {
    'inventory.commit': (step) => inventory.commit(step.orderId),
    'inventory.release': async (step) => {
      try {
        await inventory.release(step.orderId);
      } catch (error) {
        // Never reserved (the checkout failed before): nothing to release.
        if (error instanceof RemoteCallError && error.remoteCode === 'INVENTORY.NO_RESERVATION') return;
        throw error;
      }
    },
    'tender.cancel': (step) => cancelElectronicTender(step.orderId, step.tenderId ?? ''),
  };
}

// What each saga step calls.
import { RemoteCallError } from '@pos/platform';
import { withOversold } from '../domain/offline-sale.ts';
import { stockLines } from '../domain/pricing.ts';
import type { Inventory } from '../grpc/inventory.client.ts';
import { MidtransRejectedError, type TransactionState } from '../payments/midtrans-gateway.ts';
import { findOrder, setFlags } from '../store/order.store.ts';
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

/** Deducts the stock of a sale a till made offline (inventory's RecordSale, idempotent per order
 * id), then flags each product it left below zero on the order, for the back office. */
export type RecordOfflineStock = (orderId: string) => Promise<void>;

export function recordOfflineStock(deps: Pick<OrderDeps, 'pool' | 'inventory'>): RecordOfflineStock {
  return async (orderId) => {
    const order = await findOrder(deps.pool, orderId);
    if (!order?.offline || !order.paidAt) throw new Error(`saga step records the stock of ${orderId}, which is no sale made offline`); // a bug if seen
    const oversold = await deps.inventory.recordSale(orderId, stockLines(order.lines), { receiptNumber: order.offline.receiptNumber, soldAt: new Date(order.paidAt) });
    await setFlags(deps.pool, orderId, withOversold(order.offline.flags, oversold));
  };
}

export function stepHandlers(inventory: Inventory, cancelElectronicTender: CancelElectronicTender, recordStock: RecordOfflineStock): StepHandlers {
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
    'inventory.record-sale': (step) => recordStock(step.orderId),
  };
}

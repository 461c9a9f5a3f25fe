// What each saga step calls.
import { RemoteCallError } from '@pos/platform';
import { withOversold } from '../domain/offline-sale.ts';
import { returnReceiptNumber } from '../domain/refund-receipt.ts';
import { stockLines } from '../domain/pricing.ts';
import type { Inventory } from '../grpc/inventory.client.ts';
import { MidtransRejectedError, type TransactionState } from '../payments/midtrans-gateway.ts';
import { findOrder, setFlags } from '../store/order.store.ts';
import { findReturn } from '../store/return.store.ts';
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

/** The goods of a return back to inventory (RecordReturn, idempotent per return id): each line's
 * base units, written off there when damaged. */
export type ReturnStock = (returnId: string) => Promise<void>;

export function returnStock(deps: Pick<OrderDeps, 'pool' | 'inventory'>): ReturnStock {
  return async (returnId) => {
    const ret = await findReturn(deps.pool, returnId);
    if (!ret) throw new Error(`saga step returns the goods of ${returnId}, which does not exist`); // a foreign key: a bug if seen
    const lines = ret.lines.filter((line) => line.baseQuantity > 0)
      .map((line) => ({ productId: line.productId, quantity: line.baseQuantity, damaged: line.disposition === 'damaged' }));
    if (lines.length > 0) await deps.inventory.recordReturn(ret.id, ret.orderId, lines, returnReceiptNumber(ret));
  };
}

export interface ReturnSteps {
  returnStock: ReturnStock;
  refundAtMidtrans: (refundId: string) => Promise<void>;
}

export function stepHandlers(inventory: Inventory, cancelElectronicTender: CancelElectronicTender, recordStock: RecordOfflineStock, returns: ReturnSteps): StepHandlers {
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
    'inventory.return': (step) => returns.returnStock(step.returnId ?? ''),
    'refund.midtrans': (step) => returns.refundAtMidtrans(step.refundId ?? ''),
  };
}

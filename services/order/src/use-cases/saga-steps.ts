// What each saga step calls.
import { RemoteCallError } from '@pos/platform';
import type { Inventory } from '../grpc/inventory.client.ts';
import type { StepHandlers } from './run-saga.ts';

/** THE HOOK for electronic payments: cancels a pending QRIS/Snap tender at the provider
 * (Midtrans' cancel API) when its order is cancelled or expires. Wired to the Midtrans
 * gateway once it exists; it must be idempotent (a step may run twice after a crash). */
export type CancelElectronicTender = (orderId: string, tenderId: string) => Promise<void>;

/** Until a gateway is wired no electronic tender can exist; should one, its step waits (and
 * is retried) rather than being marked done without the provider having cancelled it. */
export const noPaymentGatewayYet: CancelElectronicTender = async (orderId, tenderId) => {
  throw new Error(`no payment gateway is wired to cancel tender ${tenderId} of order ${orderId}`);
};

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

// The one way an order leaves 'pending': its status, its saga steps and its event, together
// in the caller's transaction.
import { addToOutbox, type Transaction } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import { reservationStepFor, transition } from '../domain/order-status.ts';
import { pendingElectronic } from '../domain/tenders.ts';
import { orderCancelled, orderPaid } from '../events/order-events.ts';
import { setStatus } from '../store/order.store.ts';
import { addSteps, type SagaAction } from '../store/saga.store.ts';

export async function endOrder(tx: Transaction, order: Order, to: 'paid' | 'cancelled' | 'expired'): Promise<Order> {
  const status = transition(order.id, order.status, to);
  await setStatus(tx, order.id, status);
  const ended: Order = { ...order, status };
  const steps: { action: SagaAction; tenderId?: string }[] = [{ action: reservationStepFor(status) === 'commit' ? 'inventory.commit' : 'inventory.release' }];
  // An abandoned order's electronic payments still waiting for money are cancelled at the provider.
  if (status !== 'paid') steps.push(...pendingElectronic(order.tenders).map((tender) => ({ action: 'tender.cancel' as const, tenderId: tender.id })));
  await addSteps(tx, order.id, steps);
  await addToOutbox(tx, [status === 'paid' ? orderPaid(ended) : orderCancelled(ended, status === 'expired' ? 'expired' : 'cancelled')]);
  return ended;
}

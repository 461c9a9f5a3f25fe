// The one way an order leaves 'pending': its status, its saga steps and its event, together
// in the caller's transaction. An order that ends unpaid owes back every tender paid on it.
import { addToOutbox, type Transaction } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import { reservationStepFor, transition } from '../domain/order-status.ts';
import { tendersOwedBack } from '../domain/refunds.ts';
import { pendingElectronic, type Tender } from '../domain/tenders.ts';
import { orderCancelled, orderPaid } from '../events/order-events.ts';
import { setStatus } from '../store/order.store.ts';
import { addSteps, type SagaAction } from '../store/saga.store.ts';
import { oweBack } from './owe-back.ts';

export async function endOrder(tx: Transaction, order: Order, to: 'paid' | 'cancelled' | 'expired'): Promise<Order> {
  const status = transition(order.id, order.status, to);
  await setStatus(tx, order.id, status);
  const steps: { action: SagaAction; tenderId?: string }[] = [{ action: reservationStepFor(status) === 'commit' ? 'inventory.commit' : 'inventory.release' }];
  // An abandoned order's electronic payments still waiting for money are cancelled at the provider.
  if (status !== 'paid') steps.push(...pendingElectronic(order.tenders).map((tender) => ({ action: 'tender.cancel' as const, tenderId: tender.id })));
  await addSteps(tx, order.id, steps);
  if (status === 'paid') {
    const paid = { ...order, status };
    await addToOutbox(tx, [orderPaid(paid)]);
    return paid;
  }
  await addToOutbox(tx, [orderCancelled({ ...order, status }, status === 'expired' ? 'expired' : 'cancelled')]);
  return { ...order, status, tenders: await oweBackPaid(tx, order) }; // after order.cancelled, so its refunds follow it
}

/** The order's tenders after its paid ones became refunds due. */
async function oweBackPaid(tx: Transaction, order: Order): Promise<Tender[]> {
  const owed = await oweBack(tx, order.id, tendersOwedBack(order.tenders));
  return order.tenders.map((tender) => owed.find((t) => t.id === tender.id) ?? tender);
}

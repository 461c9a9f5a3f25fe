// The simulator's own API, for tests and for a person at a terminal: play the customer (settle,
// deny) or Midtrans (expire, cancel), and resend any notification, in any order; and see how
// often the status API was asked about a transaction.
import { statusBody, type TransactionStatus } from './transactions.ts';
import { coreError, type Reply, type Request, type Simulator } from './simulator.ts';

const OUTCOMES: Record<string, TransactionStatus> = { settle: 'settlement', deny: 'deny', expire: 'expire', cancel: 'cancel' };

/** POST /_simulator/transactions/{id}/{settle|deny|expire|cancel}[?notify=false]: a pending
 * transaction takes that status; its notification is sent unless notify=false (then it is only
 * recorded, to be sent later with /notifications/{n}/send, e.g. after an older one). */
export async function changeStatus(id: string, action: string, request: Request, sim: Simulator): Promise<Reply> {
  const tx = sim.store.find(id);
  const to = OUTCOMES[action];
  if (!tx) return coreError(404, "transaction doesn't exist");
  if (!to) return coreError(404, `no action ${action}: settle, deny, expire or cancel`);
  if (tx.status !== 'pending') return coreError(409, `a ${tx.status} transaction cannot be changed`);
  // A Snap customer pays by some method; QRIS unless the request names another.
  if (tx.paymentType === null) tx.paymentType = paymentTypeOf(request.body) ?? 'qris';
  const notify = request.query.get('notify') !== 'false';
  const deliveries = await sim.changeStatus(tx, to, notify);
  return { status: 200, body: { transaction: statusBody(tx, sim.merchantId, 'transaction found'), notification: tx.notifications.at(-1), deliveries } };
}

const paymentTypeOf = (body: unknown) =>
  typeof body === 'object' && body !== null && 'payment_type' in body && typeof body.payment_type === 'string' ? body.payment_type : undefined;

/** GET /_simulator/transactions/{id}: the transaction as the status API shows it, how many
 * times the status API answered about it (status_queries), and how many charges named its
 * order_id (charge_requests, refused repeats included). Asking here does not count. */
export function showTransaction(id: string, sim: Simulator): Reply {
  const tx = sim.store.find(id);
  if (!tx) return coreError(404, "transaction doesn't exist");
  return { status: 200, body: { transaction: statusBody(tx, sim.merchantId, 'transaction found'), status_queries: tx.statusQueries, charge_requests: tx.chargeRequests } };
}

/** GET /_simulator/transactions/{id}/notifications: every notification made, oldest first. */
export function listNotifications(id: string, sim: Simulator): Reply {
  const tx = sim.store.find(id);
  if (!tx) return coreError(404, "transaction doesn't exist");
  return { status: 200, body: { notification_urls: tx.notificationUrls, notifications: tx.notifications } };
}

/** POST /_simulator/transactions/{id}/notifications/{n}/send: sends notification n (0 is the
 * oldest) again, as it was: a replay, or an old status arriving after a newer one. */
export async function resendNotification(id: string, index: string, sim: Simulator): Promise<Reply> {
  const tx = sim.store.find(id);
  const notification = tx?.notifications[Number(index)];
  if (!tx || !notification) return coreError(404, `no notification ${index} for ${id}`);
  const deliveries = await sim.send(tx, notification);
  return { status: 200, body: { notification, deliveries } };
}

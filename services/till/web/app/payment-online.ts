// Paying through the order app: POST /orders with an order id made once (before the first call,
// so a retry finds the same order), one POST /orders/:id/payments per tender with an
// Idempotency-Key kept until it is answered, QRIS and Snap watched until paid, and the order
// cancelled when the cashier backs out.
import { ApiError, call, Unreachable } from './api.ts';
import { approvalHeaders, withApproval } from './approval.ts';
import { db } from './db.ts';
import { draft, emptyDraft, inOrder, type Charge, type Draft, type Order } from './draft.ts';
import { current, paymentError, setPayment, type Online } from './payment-state.ts';
import { showReceipt } from './printing.ts';
import { receiptHeader, receiptOfOrder } from './receipts.ts';
import { device } from './session.ts';
import { tabState } from './tab-lock.ts';
import { newId } from './uuid.ts';

/** The checkout's lines: a scale label as its code (order reads the label as product does); each with its discount. */
const orderLines = (current: Draft) => current.cart.lines.map((line) => {
  const label = current.labels[line.id];
  const discount = line.discount && { discount: line.discount };
  return label ? { barcode: label, quantity: 1, ...discount } : { productId: line.productId, unit: line.unit, quantity: line.quantity, ...discount };
});

export async function checkout(): Promise<void> {
  const payment = current('online');
  const till = device.value;
  if (!payment || !till) return;
  try {
    const order = await call<Order>('order', '/orders', {
      // The till's code, not its id: order prints it in its receipt number (JKT1-T01-000042).
      method: 'POST', body: {
        orderId: payment.orderId, outletId: till.outletId, tillId: till.code, lines: orderLines(draft.value),
        ...(draft.value.cart.discount && { discount: draft.value.cart.discount }),
      },
    });
    await setPayment({ ...payment, order });
  } catch (error) {
    // No answer: the sale goes on offline (an order made after all expires unpaid).
    if (error instanceof Unreachable) { await setPayment({ mode: 'local', tenders: [], note: 'unreachable' }); return; }
    await setPayment(undefined);
    throw error;
  }
}

async function finishOnline(order: Order): Promise<void> {
  const till = device.value;
  const receipt = receiptOfOrder(order, draft.value.cart, till ? receiptHeader(till) : []);
  await inOrder(() => db.kv.bulkPut([{ key: 'draft', value: emptyDraft() }, { key: 'lastReceipt', value: receipt }]));
  draft.value = emptyDraft();
  showReceipt(receipt, { print: true });
}

type ChargeReply = { kind: 'qris'; qrString: string; expiresAt: string | null } | { kind: 'snap'; redirectUrl: string } | null;

function chargeOf(tenderId: string, order: Order, charge: ChargeReply): Charge | undefined {
  const amount = order.tenders.find((tender) => tender.id === tenderId)?.amount ?? 0;
  if (charge?.kind === 'qris') return { kind: 'qris', tenderId, amount, qrString: charge.qrString, expiresAt: charge.expiresAt };
  if (charge?.kind === 'snap') return { kind: 'snap', tenderId, amount, redirectUrl: charge.redirectUrl };
  return undefined;
}

export async function tenderOnline(body: Record<string, unknown>): Promise<void> {
  const payment = current('online');
  if (!payment?.order) return;
  // The same tender asked again (after no answer) keeps its key: the app answers the first one.
  const attempt = payment.attempt && JSON.stringify(payment.attempt.body) === JSON.stringify(body) ? payment.attempt : { key: newId(), body };
  await setPayment({ ...payment, attempt });
  try {
    const reply = await call<{ order: Order; payment: { id: string }; charge: ChargeReply }>(
      'order', `/orders/${payment.orderId}/payments`, { method: 'POST', body, headers: { 'idempotency-key': attempt.key } });
    const charge = chargeOf(reply.payment.id, reply.order, reply.charge);
    await setPayment({ mode: 'online', orderId: payment.orderId, order: reply.order, ...(charge && { charge }) });
    if (reply.order.status === 'paid') await finishOnline(reply.order);
    else if (charge) watchCharge();
  } catch (error) {
    if (error instanceof ApiError) await setPayment({ ...payment, attempt: undefined });
    throw error;
  }
}

/** Cancels the order; one with money taken on it is a void, which a cashier does with a
 * manager's approval (the PIN pad; ApprovalCancelled when the cashier backs out of it). */
export async function cancelOrder(payment: Online): Promise<void> {
  if (payment.order?.status !== 'pending') return;
  try {
    await withApproval((approval) => call('order', `/orders/${payment.orderId}/cancel`, { method: 'POST', headers: approvalHeaders(approval) }));
  } catch (error) {
    // Unreachable: the order expires by itself, unpaid. Refused: it is paid or gone already.
    if (!(error instanceof Unreachable) && !(error instanceof ApiError && error.status === 409)) throw error;
  }
}

let watching = false;
const POLL_MS = 2_000;
/** While a QRIS or Snap charge is open, asks for the order until it is paid or the charge ends:
 * the cashier presses nothing. */
export function watchCharge(): void {
  if (watching) return;
  watching = true;
  void (async () => {
    try {
      // A tab that lost the till to another stops: that one watches the charge now.
      for (let payment = current('online'); payment?.charge && tabState.value === 'live'; payment = current('online')) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (tabState.value !== 'live') break;
        await pollOnce(payment as Online & { charge: Charge });
      }
    } finally {
      watching = false;
    }
  })();
}

async function pollOnce(payment: Online & { charge: Charge }): Promise<void> {
  let order: Order;
  try {
    order = await call<Order>('order', `/orders/${payment.orderId}`);
  } catch (error) {
    if (error instanceof Unreachable || error instanceof ApiError) return;
    throw error;
  }
  if (current('online')?.orderId !== payment.orderId) return;
  if (order.status === 'paid') { await finishOnline(order); return; }
  if (order.status !== 'pending') { paymentError.value = { code: `ORDER.${order.status.toUpperCase()}` }; await setPayment(undefined); return; }
  const tender = order.tenders.find((candidate) => candidate.id === payment.charge.tenderId);
  const stillOpen = tender?.status === 'pending';
  if (!stillOpen && tender?.status === 'cancelled') paymentError.value = { code: 'CHARGE.ENDED' };
  await setPayment(stillOpen ? { ...payment, order } : { mode: 'online', orderId: payment.orderId, order });
}

// Paying for the draft. Online: POST /orders (with an order id made once, before the first
// call, so a retry finds the same order), then one POST /orders/:id/payments per tender, each
// with an Idempotency-Key kept until it is answered. Offline (or the apps unreachable at
// checkout): cash and paid elsewhere only, recorded on the till (offline-sales.ts).
import { signal } from '@preact/signals';
import * as tenders from '../kit/tenders.ts';
import { ApiError, call, Unreachable } from './api.ts';
import { online } from './connectivity.ts';
import { db } from './db.ts';
import { draft, emptyDraft, inOrder, saveDraft, totals, type Charge, type Draft, type Order, type Payment } from './draft.ts';
import { recordSale } from './offline-sales.ts';
import { showReceipt } from './printing.ts';
import { receiptHeader, receiptOfOrder } from './receipts.ts';
import { device, session } from './session.ts';
import { tabState } from './tab-lock.ts';
import { uploadWaiting } from './upload.ts';
import { newId } from './uuid.ts';

/** What went wrong with the last step, for the screen: an app's or the kit's code, or one of ours. */
export const paymentError = signal<{ code: string; body?: unknown } | undefined>(undefined);
export const busy = signal(false);

type Online = Extract<Payment, { mode: 'online' }>;

function current<M extends Payment['mode']>(mode: M): Extract<Payment, { mode: M }> | undefined {
  const payment = draft.value.payment;
  return payment?.mode === mode ? (payment as Extract<Payment, { mode: M }>) : undefined;
}
const setPayment = (payment: Payment | undefined) => saveDraft({ ...draft.value, payment });

async function step(work: () => Promise<void>): Promise<void> {
  if (busy.value) return;
  busy.value = true;
  paymentError.value = undefined;
  try {
    await work();
  } catch (error) {
    if (error instanceof ApiError) paymentError.value = { code: error.code, body: error.body };
    else if (error instanceof Unreachable) paymentError.value = { code: 'UNREACHABLE' };
    else if (error instanceof tenders.TenderError) paymentError.value = { code: `tender.error.${error.code}` };
    else if (error instanceof Error && error.name.startsWith('Dexie')) paymentError.value = { code: 'STORAGE' };
    else throw error;
  } finally {
    busy.value = false;
  }
}

/** Amount still due: the order's, or the cart's total less the till's own tenders. */
export function amountDue(): number {
  const payment = draft.value.payment;
  if (payment?.mode === 'online') return payment.order?.due ?? totals.value.total;
  return tenders.remainingDue(totals.value.total, payment?.tenders ?? []);
}

/** The checkout's lines: a scale label as its code (order reads the label as product does). */
const orderLines = (current: Draft) => current.cart.lines.map((line) => {
  const label = current.labels[line.id];
  return label ? { barcode: label, quantity: 1 } : { productId: line.productId, unit: line.unit, quantity: line.quantity };
});

export const startPayment = () => step(async () => {
  if (draft.value.cart.lines.length === 0 || draft.value.payment) return;
  if (!online.value) { await setPayment({ mode: 'local', tenders: [] }); return; }
  await setPayment({ mode: 'online', orderId: newId() });
  await checkout();
});

async function checkout(): Promise<void> {
  const payment = current('online');
  const till = device.value;
  if (!payment || !till) return;
  try {
    const order = await call<Order>('order', '/orders', {
      // The till's code, not its id: order prints it in its receipt number (JKT1-T01-000042).
      method: 'POST', body: { orderId: payment.orderId, outletId: till.outletId, tillId: till.code, lines: orderLines(draft.value) },
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

async function tenderOnline(body: Record<string, unknown>): Promise<void> {
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

/** A tender of the till's own; once they pay the total, the sale is recorded and the cart cleared. */
async function tenderLocal(next: (total: number, taken: tenders.OfflineTender[]) => tenders.OfflineTender[]): Promise<void> {
  const payment = current('local');
  const till = device.value;
  if (!payment || !till) return;
  const total = totals.value.total;
  const taken = next(total, payment.tenders);
  if (!tenders.isPaidInFull(total, taken)) { await setPayment({ ...payment, tenders: taken }); return; }
  const cart = draft.value.cart;
  const { receipt } = await inOrder(() => recordSale(till, session.value?.user.name ?? '', cart, taken));
  draft.value = emptyDraft();
  showReceipt(receipt, { print: true });
  void uploadWaiting();
}

export const payCash = (tendered: number) => step(async () => {
  if (current('online')) { await tenderOnline({ method: 'cash', tendered }); return; }
  await tenderLocal((total, taken) => tenders.payCash(total, taken, tendered));
});

export const payElsewhere = (amount: number, reference: string) => step(async () => {
  await tenderLocal((total, taken) => tenders.payElsewhere(total, taken, amount, reference));
});

export const payOnline = (method: 'qris' | 'snap', amount: number) => step(async () => {
  await tenderOnline({ method, ...(amount < amountDue() && { amount }) });
});

async function cancelOrder(payment: Online): Promise<void> {
  if (payment.order?.status !== 'pending') return;
  try {
    await call('order', `/orders/${payment.orderId}/cancel`, { method: 'POST' });
  } catch (error) {
    // Unreachable: the order expires by itself, unpaid. Refused: it is paid or gone already.
    if (!(error instanceof Unreachable) && !(error instanceof ApiError && error.status === 409)) throw error;
  }
}

/** Backs out of paying: an online order is cancelled (its stock and any open QRIS released). */
export const abandonPayment = () => step(async () => {
  const payment = current('online');
  if (payment) await cancelOrder(payment);
  await setPayment(undefined);
});

/** Whether the online order may give way to a sale on the till: nothing paid, no charge open,
 * and no tender sent without an answer (it may have been taken: only its retry can tell). */
export function mayRecordOnTill(): boolean {
  const payment = current('online');
  return payment !== undefined && (payment.order?.paid ?? 0) === 0 && !payment.charge && !payment.attempt;
}

/** Paid elsewhere (a card terminal of its own), or the server gone mid-sale: the online order
 * is cancelled (or left to expire, unpaid) and the sale goes on as the till's own. */
export const recordOnTill = () => step(async () => {
  const payment = current('online');
  if (!payment || !mayRecordOnTill()) return;
  await cancelOrder(payment);
  await setPayment({ mode: 'local', tenders: [] });
});

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

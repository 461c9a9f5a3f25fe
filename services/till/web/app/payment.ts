// Paying for the draft: online through the order app (payment-online.ts), or, offline (or the
// apps unreachable at checkout), with cash and paid elsewhere only, recorded on the till
// (offline-sales.ts). Each step runs alone; what went wrong is kept for the screen.
import * as tenders from '../kit/tenders.ts';
import { ApiError, Unreachable } from './api.ts';
import { ApprovalCancelled } from './approval.ts';
import { online } from './connectivity.ts';
import { draft, emptyDraft, inOrder, totals } from './draft.ts';
import { recordSale } from './offline-sales.ts';
import { cancelOrder, checkout, tenderOnline } from './payment-online.ts';
import { busy, current, paymentError, setPayment, starting } from './payment-state.ts';
import { showReceipt } from './printing.ts';
import { device, session } from './session.ts';
import { uploadWaiting } from './upload.ts';
import { newId } from './uuid.ts';

export { busy, paymentError, starting, tendering } from './payment-state.ts';
export { watchCharge } from './payment-online.ts';

/** A sale the till could not record: the screen says not to hand over the goods. */
class NotRecorded extends Error {}

/** The payment's start while it is under way. */
let start: Promise<void> | undefined;

async function step(work: () => Promise<void>): Promise<void> {
  // A key pressed while the payment starts (a fast cashier's Enter right after F2) waits for the
  // start and then acts, unless the start came to nothing (its error stays on the screen).
  if (start) {
    await start;
    if (!draft.value.payment) return;
  }
  if (busy.value) return;
  busy.value = true;
  paymentError.value = undefined;
  try {
    await work();
  } catch (error) {
    if (error instanceof ApiError) paymentError.value = { code: error.code, body: error.body };
    else if (error instanceof Unreachable) paymentError.value = { code: 'UNREACHABLE' };
    else if (error instanceof tenders.TenderError) paymentError.value = { code: `tender.error.${error.code}` };
    else if (error instanceof NotRecorded) paymentError.value = { code: 'STORAGE' };
    else if (error instanceof ApprovalCancelled) paymentError.value = { code: 'APPROVAL.CANCELLED' };
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

export function startPayment(): Promise<void> {
  if (start || busy.value) return start ?? Promise.resolve();
  starting.value = true;
  start = step(async () => {
    if (draft.value.cart.lines.length === 0 || draft.value.payment) return;
    if (!online.value) { await setPayment({ mode: 'local', tenders: [] }); return; }
    await setPayment({ mode: 'online', orderId: newId() });
    await checkout();
  }).finally(() => { start = undefined; starting.value = false; });
  return start;
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
  const { receipt } = await inOrder(() => recordSale(till, session.value?.user.name ?? '', cart, taken)).catch((error: unknown) => {
    console.error('the sale was not recorded:', error);
    throw new NotRecorded(String(error));
  });
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


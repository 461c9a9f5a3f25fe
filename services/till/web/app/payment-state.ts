// The payment of the draft as the screens see it: the step under way, what went wrong with the
// last one, and the payment itself (kept in the draft, so a reload resumes it).
import { computed, signal } from '@preact/signals';
import { draft, saveDraft, type Payment } from './draft.ts';

/** What went wrong with the last step, for the screen: an app's or the kit's code, or one of ours. */
export const paymentError = signal<{ code: string; body?: unknown } | undefined>(undefined);
/** A step is under way. */
export const busy = signal(false);
/** The step under way is the payment's start (the draft written, the order made): a tender key
 * pressed now is kept and acts once it is done (payment.ts). */
export const starting = signal(false);
/** A tender (or a back-out) is under way: the tender buttons wait (a second Enter is not a second tender). */
export const tendering = computed(() => busy.value && !starting.value);

export type Online = Extract<Payment, { mode: 'online' }>;

export function current<M extends Payment['mode']>(mode: M): Extract<Payment, { mode: M }> | undefined {
  const payment = draft.value.payment;
  return payment?.mode === mode ? (payment as Extract<Payment, { mode: M }>) : undefined;
}

export const setPayment = (payment: Payment | undefined) => saveDraft({ ...draft.value, payment });

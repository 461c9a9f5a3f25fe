// Midtrans' payment notifications: their shape, their signature, and what each one means for a
// payment. Pure rules; the webhook route parses, verifies, confirms with the status API and acts.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from '@pos/platform';

/** The fields the order service relies on; Midtrans sends more, which are kept as they came. */
export const midtransNotification = z.looseObject({
  order_id: z.string().min(1),
  transaction_id: z.string().min(1),
  transaction_status: z.string().min(1),
  status_code: z.string().regex(/^\d{3}$/),
  gross_amount: z.string().regex(/^\d+(\.\d{2})?$/),
  signature_key: z.string().regex(/^[0-9a-f]{128}$/i),
  payment_type: z.string().min(1),
  fraud_status: z.string().optional(),
  transaction_time: z.string().optional(),
  currency: z.string().optional(),
});

export type MidtransNotification = z.infer<typeof midtransNotification>;

/** The notification if it has Midtrans' shape, else undefined (the caller answers 400). */
export function parseNotification(body: unknown): MidtransNotification | undefined {
  const result = midtransNotification.safeParse(body);
  return result.success ? result.data : undefined;
}

/** signature_key = sha512(order_id + status_code + gross_amount + server key), over the strings
 * exactly as sent ("10000.00", not 10000), compared in constant time. */
export function hasValidSignature(notification: MidtransNotification, serverKey: string): boolean {
  const expected = createHash('sha512')
    .update(notification.order_id + notification.status_code + notification.gross_amount + serverKey)
    .digest();
  const given = Buffer.from(notification.signature_key, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type PaymentOutcome = 'paid' | 'cancelled' | 'none';

/** settlement, or capture that fraud detection accepted → paid; deny, cancel, expire →
 * cancelled; anything else (pending, a challenged capture, refunds) changes nothing here. */
export function outcomeOf(state: { transactionStatus: string; fraudStatus?: string | undefined }): PaymentOutcome {
  switch (state.transactionStatus) {
    case 'settlement': return 'paid';
    case 'capture': return state.fraudStatus === 'accept' ? 'paid' : 'none';
    case 'deny': case 'cancel': case 'expire': return 'cancelled';
    default: return 'none';
  }
}

/** Whether Midtrans' gross_amount ("10000.00") is exactly the expected whole Rupiah. */
export function amountMatches(grossAmount: string, expectedRupiah: number): boolean {
  const match = /^(\d+)(?:\.(\d{2}))?$/.exec(grossAmount);
  if (!match?.[1] || !Number.isSafeInteger(expectedRupiah)) return false;
  return (match[2] ?? '00') === '00' && BigInt(match[1]) === BigInt(expectedRupiah);
}

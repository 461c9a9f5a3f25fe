// Paying through Midtrans in tests: the order API's tenders, the simulator's control API (play
// the customer), and notifications signed as Midtrans signs them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { localSecret, request } from '@pos/platform/testing';
import { createMidtransGateway } from '../src/payments/midtrans-gateway.ts';
import { call, ORDER_API, pool, tokenOf, type OrderBody } from './support.ts';

export const SIMULATOR = 'http://127.0.0.1:3900';
export const serverKey = localSecret('midtrans-server-key');
/** To ask the simulator, as order does, what a charge's status is. */
export const midtrans = createMidtransGateway({ serverKey, isProduction: false, baseUrl: SIMULATOR });

export interface PaymentReply {
  order: OrderBody;
  payment: { id: string; kind: string; amount: number; status: string; change: number | null; externalId: string | null; refundDue: boolean };
  charge: { kind: 'qris'; qrString: string; qrUrl: string | null; expiresAt: string | null } | { kind: 'snap'; token: string; redirectUrl: string } | null;
}

export const pay = async (orderId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  call<PaymentReply>('POST', `/orders/${orderId}/payments`, { token: await tokenOf('cashier'), body, ...(headers && { headers }) });

export const getOrder = async (orderId: string) => (await call('GET', `/orders/${orderId}`, { token: await tokenOf('cashier') })).body;

export type Notification = Record<string, string>;

/** Plays the customer (settle, deny) or Midtrans (expire): the status changes and its notification
 * is posted to order's webhook before this returns; `notify: false` only records it. */
export async function atSimulator(chargeId: string, action: 'settle' | 'deny' | 'expire', options: { notify?: boolean } = {}) {
  const reply = await request<{ transaction: Notification; deliveries: { status?: number; error?: string }[] }>(
    'POST', `${SIMULATOR}/_simulator/transactions/${chargeId}/${action}${options.notify === false ? '?notify=false' : ''}`);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

export async function notificationsOf(chargeId: string): Promise<Notification[]> {
  const reply = await request<{ notifications: Notification[] }>('GET', `${SIMULATOR}/_simulator/transactions/${chargeId}/notifications`);
  return reply.body.notifications;
}

/** Sends the charge's notification number `index` (0 is the oldest) again; the webhook's answers. */
export async function resend(chargeId: string, index: number): Promise<(number | undefined)[]> {
  const reply = await request<{ deliveries: { status?: number }[] }>('POST', `${SIMULATOR}/_simulator/transactions/${chargeId}/notifications/${index}/send`);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body.deliveries.map((delivery) => delivery.status);
}

/** Returns once the notifications the simulator has sent so far for this charge have been answered
 * by order: it delivers a charge's notifications one after another, so a resend of the first (the
 * pending one, a harmless replay) is answered only after them. Without it, a charge's pending
 * notification may reach the webhook after the test settled the charge unnoticed, and the webhook,
 * asking the status API, rightly finds it settled. */
export async function afterDeliveries(chargeId: string): Promise<void> {
  assert.deepEqual(await resend(chargeId, 0), [200]);
}

export const signed = (notification: Notification, key = serverKey): Notification => ({
  ...notification,
  signature_key: createHash('sha512').update(`${notification.order_id ?? ''}${notification.status_code ?? ''}${notification.gross_amount ?? ''}${key}`).digest('hex'),
});

export const postNotification = (notification: unknown) =>
  request<{ status?: string; error?: { code: string } }>('POST', `${ORDER_API}/payments/midtrans/notifications`, { body: notification });

export const eventTypes = async (orderId: string): Promise<string[]> =>
  (await pool.query<{ type: string }>('SELECT type FROM outbox WHERE partition_key = $1 ORDER BY seq', [orderId])).rows.map((row) => row.type);

// A tender at the till: cash pays at once; QRIS and Snap become a pending tender and a Midtrans
// charge whose id is the tender's (never reused), paid later by a notification.
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError, UnprocessableError, withTransaction, type Principal, type Transaction } from '@pos/platform';
import type { Order } from '../domain/order.ts';
import { transition } from '../domain/order-status.ts';
import { cashTender, electronicTender, isCovered, type ChargeDetails, type Tender } from '../domain/tenders.ts';
import { asAppError, chargeMayExist } from '../payments/gateway-errors.ts';
import { findOrder, insertTender } from '../store/order.store.ts';
import { addSteps } from '../store/saga.store.ts';
import { shiftAt } from '../store/shift.store.ts';
import { cancelFailedCharge, findTenderByKey, saveCharge, type StoredTender } from '../store/tender.store.ts';
import type { OrderDeps } from './deps.ts';
import { endOrder } from './end-order.ts';
import { orderFor } from './order-access.ts';

export type PaymentRequest = { method: 'cash'; tendered: number } | { method: 'qris' | 'snap'; amount?: number | undefined };

export interface Payment {
  order: Order;
  tender: Tender;
  charge: ChargeDetails | null;
  /** false when an Idempotency-Key named a tender made before: this is that tender. */
  created: boolean;
}

export async function takePayment(deps: OrderDeps, orderId: string, request: PaymentRequest, principal: Principal, idempotencyKey?: string): Promise<Payment> {
  const key = idempotencyKey === undefined ? undefined : { key: idempotencyKey, hash: createHash('sha256').update(JSON.stringify(request)).digest('hex') };
  const opened = await withTransaction(deps.pool, async (tx) => {
    const order = await orderFor(tx, orderId, principal, true); // its lock makes a racing retry wait, then find this tender
    const earlier = key ? await findTenderByKey(tx, orderId, key.key) : undefined;
    if (earlier) return { order, earlier };
    return { ...(await addTender(tx, order, request, principal, key)), earlier: undefined };
  });
  if (opened.earlier) return { order: opened.order, ...sameRequest(opened.earlier, key?.hash), created: false };
  if (opened.tender.kind === 'cash') {
    deps.kickSaga();
    return { order: opened.order, tender: opened.tender, charge: null, created: true };
  }
  const details = await charge(deps, orderId, opened.tender);
  return { order: opened.order, tender: opened.tender, charge: details, created: true };
}

async function addTender(tx: Transaction, order: Order, request: PaymentRequest, principal: Principal, key?: { key: string; hash: string }): Promise<{ order: Order; tender: Tender }> {
  if (order.status !== 'pending') transition(order.id, order.status, 'paid'); // throws: 409 naming the status
  // Past its time the units may be released any moment: no money is taken for it.
  if (order.expiresAt <= new Date()) throw new ConflictError('ORDER.EXPIRED', `order ${order.id} has expired`);
  const tender = request.method === 'cash'
    ? cashTender(randomUUID(), order.total, order.tenders, request.tendered)
    : electronicTender(randomUUID(), request.method, order.total, order.tenders, request.amount);
  // The money is the drawer's (or the till's) whose shift is open where it was taken.
  await insertTender(tx, order.id, tender, { request: key, shiftId: (await shiftAt(tx, principal.till?.id))?.id });
  const withTender = { ...order, tenders: [...order.tenders, tender] };
  return { order: isCovered(order.total, withTender.tenders) ? await endOrder(tx, withTender, 'paid') : withTender, tender };
}

/** The tender an Idempotency-Key named, if the retry asks for the same thing. */
function sameRequest(earlier: StoredTender, requestHash: string | undefined): { tender: Tender; charge: ChargeDetails | null } {
  if (earlier.requestHash !== requestHash) {
    throw new UnprocessableError('ORDER.IDEMPOTENCY_MISMATCH', `tender ${earlier.id} was made with another request`, { tenderId: earlier.id });
  }
  if (earlier.kind !== 'cash' && earlier.status === 'pending' && !earlier.charge) {
    throw new ConflictError('ORDER.PAYMENT_IN_PROGRESS', `tender ${earlier.id} is being charged; ask again in a moment`, { tenderId: earlier.id });
  }
  const { id, kind, amount, status, tendered, change, externalId, refundDue } = earlier;
  return { tender: { id, kind, amount, status, tendered, change, externalId, refundDue }, charge: earlier.charge };
}

/** The pending tender is committed before Midtrans hears of it, so its notification always finds
 * it. A charge that fails cancels the tender, so it no longer holds the amount due and the till
 * may try again (with the same Idempotency-Key too); when Midtrans may have made it after all, its cancel becomes a saga step. */
async function charge(deps: OrderDeps, orderId: string, tender: Tender): Promise<ChargeDetails> {
  const request = { chargeId: tender.id, amount: tender.amount };
  try {
    const details: ChargeDetails = tender.kind === 'qris'
      ? await deps.midtrans.gateway.chargeQris(request).then((qris) => ({
        kind: 'qris' as const, qrString: qris.qrString, qrUrl: qris.qrUrl ?? null, expiresAt: qris.expiresAt?.toISOString() ?? null,
      }))
      : { kind: 'snap', ...(await deps.midtrans.gateway.createSnap(request)) };
    await saveCharge(deps.pool, tender.id, details);
    return details;
  } catch (error) {
    await withTransaction(deps.pool, async (tx) => {
      // Locked first: an order cancelled meanwhile already owes this tender's cancel step.
      const order = await findOrder(tx, orderId, true);
      await cancelFailedCharge(tx, tender.id);
      if (order?.status === 'pending' && chargeMayExist(error)) await addSteps(tx, orderId, [{ action: 'tender.cancel', tenderId: tender.id }]);
    });
    deps.kickSaga();
    throw asAppError(error);
  }
}

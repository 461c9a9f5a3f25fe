// The simulator's transactions and how they look on Midtrans' wire: amounts as strings with two
// decimals, times in Jakarta time without a zone, and a status_code per transaction_status.
import { createHash, randomUUID } from 'node:crypto';

export type TransactionStatus = 'pending' | 'settlement' | 'deny' | 'cancel' | 'expire' | 'refund' | 'partial_refund';

export interface Transaction {
  transactionId: string;
  orderId: string;
  /** Whole Rupiah, as charged. */
  amount: number;
  /** null for a Snap transaction whose customer has not chosen how to pay yet. */
  paymentType: string | null;
  status: TransactionStatus;
  createdAt: Date;
  expiresAt: Date;
  settledAt?: Date;
  /** Where notifications go: the default URL, or what the charge's headers asked for. */
  notificationUrls: string[];
  notifications: Notification[];
  /** How often the status API was asked about it: tests check that a charge is not asked twice. */
  statusQueries: number;
  /** How often a charge (Core API or Snap) named its order_id, refused repeats included: tests
   * check that a retried payment did not charge again. */
  chargeRequests: number;
  /** Money given back, oldest first; each refund_key once. */
  refunds: Refund[];
}

export interface Refund {
  refundChargebackId: number;
  refundKey: string;
  amount: number;
  reason: string;
  createdAt: Date;
}

export type Notification = Record<string, string>;

/** Midtrans' status_code for each transaction_status (407 is its code for an expired one). */
const STATUS_CODES: Record<TransactionStatus, string> = {
  pending: '201', settlement: '200', deny: '202', cancel: '200', expire: '407', refund: '200', partial_refund: '200',
};

export const statusCode = (status: TransactionStatus) => STATUS_CODES[status];

/** "10000.00": how Midtrans writes every gross_amount, in requests' answers and notifications. */
export const wireAmount = (rupiah: number) => rupiah.toFixed(2);

/** "2026-11-26 07:05:00": Midtrans' times are Jakarta local time (UTC+7), with no zone. */
export function jakartaTime(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** sha512 hex of order_id + status_code + gross_amount + server key, the strings as sent. */
export function signatureKey(orderId: string, code: string, grossAmount: string, serverKey: string): string {
  return createHash('sha512').update(orderId + code + grossAmount + serverKey).digest('hex');
}

export function newTransaction(fields: {
  orderId: string; amount: number; paymentType: string | null; expiresInMs: number; notificationUrls: string[];
}): Transaction {
  const createdAt = new Date();
  return {
    transactionId: randomUUID(),
    orderId: fields.orderId,
    amount: fields.amount,
    paymentType: fields.paymentType,
    status: 'pending',
    createdAt,
    expiresAt: new Date(createdAt.getTime() + fields.expiresInMs),
    notificationUrls: fields.notificationUrls,
    notifications: [],
    statusQueries: 0,
    chargeRequests: 1,
    refunds: [],
  };
}

/** The fields the status API, the cancel and expire APIs and notifications share. */
export function statusBody(tx: Transaction, merchantId: string, statusMessage: string): Record<string, string> {
  return {
    status_code: statusCode(tx.status),
    status_message: statusMessage,
    transaction_id: tx.transactionId,
    order_id: tx.orderId,
    merchant_id: merchantId,
    gross_amount: wireAmount(tx.amount),
    currency: 'IDR',
    payment_type: tx.paymentType ?? 'qris',
    transaction_time: jakartaTime(tx.createdAt),
    transaction_status: tx.status,
    fraud_status: 'accept',
    expiry_time: jakartaTime(tx.expiresAt),
    ...(tx.settledAt && { settlement_time: jakartaTime(tx.settledAt) }),
    ...(tx.refunds.length > 0 && { refund_amount: wireAmount(refundedAmount(tx)) }),
  };
}

export const refundedAmount = (tx: Transaction): number => tx.refunds.reduce((sum, refund) => sum + refund.amount, 0);

/** A refund as the status API and the refund API show it. */
export const refundBody = (refund: Refund) => ({
  refund_chargeback_id: refund.refundChargebackId,
  refund_amount: wireAmount(refund.amount),
  created_at: jakartaTime(refund.createdAt),
  reason: refund.reason,
  refund_key: refund.refundKey,
  refund_method: '',
});

/** A notification as Midtrans posts it: the status fields, signed with the server key. */
export function notificationFor(tx: Transaction, merchantId: string, serverKey: string): Notification {
  const body = statusBody(tx, merchantId, 'midtrans payment notification');
  return { ...body, signature_key: signatureKey(tx.orderId, statusCode(tx.status), wireAmount(tx.amount), serverKey) };
}

/** Holds every transaction by order id and by transaction id, as Midtrans' APIs accept either. */
export class TransactionStore {
  readonly #byOrderId = new Map<string, Transaction>();
  readonly #byTransactionId = new Map<string, Transaction>();

  has(orderId: string): boolean {
    return this.#byOrderId.has(orderId);
  }

  add(tx: Transaction): void {
    this.#byOrderId.set(tx.orderId, tx);
    this.#byTransactionId.set(tx.transactionId, tx);
  }

  find(id: string): Transaction | undefined {
    return this.#byOrderId.get(id) ?? this.#byTransactionId.get(id);
  }
}

// The events order publishes through the outbox, in the transaction of the change.
import type { OutboxEvent } from '@pos/platform';
import { receiptNumber, type Order } from '../domain/order.ts';
import type { OrderReturn } from '../domain/order-return.ts';
import { returnReceiptNumber } from '../domain/refund-receipt.ts';
import type { Refund } from '../domain/refunds.ts';

export const ORDERS_TOPIC = 'pos.orders';

// offline: set for a sale a till made while offline and uploaded later (receiptSeq is then null).
const summary = (order: Order) => ({
  orderId: order.id, outletId: order.outletId, tillId: order.tillId, receiptSeq: order.receiptSeq, receiptNumber: receiptNumber(order),
  cashierId: order.cashierId, total: order.total, offline: order.offline && order.paidAt ? { soldAt: new Date(order.paidAt).toISOString() } : null,
});

export const orderCreated = (order: Order): OutboxEvent => ({
  topic: ORDERS_TOPIC, type: 'pos.order.created.v1', partitionKey: order.id,
  // amount is after discounts; listAmount before them, and discount all the line's discounts in Rupiah.
  data: {
    ...summary(order), taxes: order.taxes,
    lines: order.lines.map(({ productId, quantity, unit, baseQuantity, listAmount, amount }) => ({ productId, unit, quantity, baseQuantity, listAmount, discount: listAmount - amount, amount })),
  },
});

export const orderPaid = (order: Order): OutboxEvent => ({
  topic: ORDERS_TOPIC, type: 'pos.order.paid.v1', partitionKey: order.id,
  data: { ...summary(order), tenders: order.tenders.map(({ id, kind, amount }) => ({ id, kind, amount })) },
});

export const orderCancelled = (order: Order, reason: 'cancelled' | 'expired'): OutboxEvent => ({
  topic: ORDERS_TOPIC, type: 'pos.order.cancelled.v1', partitionKey: order.id,
  data: { ...summary(order), reason },
});

/** A refund's change: pos.refund.due.v1 (owed, listed for a manager), pos.refund.requested.v1
 * (asked of Midtrans) or pos.refund.paid.v1 (given back), by the status it reached. */
export const refundChanged = (refund: Refund): OutboxEvent => ({
  topic: ORDERS_TOPIC, type: `pos.refund.${refund.status === 'pending' ? 'requested' : refund.status}.v1`, partitionKey: refund.orderId,
  data: {
    refundId: refund.id, orderId: refund.orderId, tenderId: refund.tenderId, cause: refund.cause, returnId: refund.returnId, method: refund.method, amount: refund.amount,
    status: refund.status, paidBy: refund.paidBy, paidAt: refund.paidAt ? new Date(refund.paidAt).toISOString() : null,
  },
});

/** Goods brought back against a receipt; each of its refunds follows as a pos.refund.* event. */
export const orderReturned = (ret: OrderReturn, order: Order): OutboxEvent => ({
  topic: ORDERS_TOPIC, type: 'pos.order.returned.v1', partitionKey: order.id,
  data: {
    returnId: ret.id, orderId: order.id, receiptNumber: returnReceiptNumber(ret), saleReceiptNumber: receiptNumber(order),
    outletId: ret.outletId, tillId: ret.tillId, cashierId: ret.cashierId, total: ret.total, taxes: ret.taxes, refundTo: ret.refundTo,
    lines: ret.lines.map(({ lineNo, productId, unit, quantity, baseQuantity, amount, disposition }) => ({ lineNo, productId, unit, quantity, baseQuantity, amount, disposition })),
  },
});

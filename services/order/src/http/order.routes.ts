// Checkout, payments, cancel and receipts: parse, one use case, shape the reply.
import { securedRoute, ValidationError, z, type AnyRoute } from '@pos/platform';
import { maySell } from '../domain/policy.ts';
import { receiptOf, receiptText } from '../domain/receipt.ts';
import { checkout } from '../use-cases/checkout.ts';
import { cancelOrder } from '../use-cases/cancel.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { orderFor } from '../use-cases/order-access.ts';
import { reprintReceipt } from '../use-cases/reprint.ts';
import { takePayment } from '../use-cases/take-payment.ts';
import { approvalOf } from './approval-header.ts';
import { discountBody } from './discount.schema.ts';
import { orderView, paymentView, shapeOrder } from './order.views.ts';

const quantity = z.number().int().min(1).max(100_000);
const line = z.union([
  z.object({ productId: z.string().trim().min(1).max(100), unit: z.string().trim().min(1).max(50).optional(), quantity, discount: discountBody.optional() }).strict(),
  z.object({ barcode: z.string().trim().regex(/^\d{8,14}$/), quantity: quantity.default(1), discount: discountBody.optional() }).strict(),
]);
const checkoutBody = z.object({
  orderId: z.uuid().optional(),
  outletId: z.string().trim().min(1).max(50),
  tillId: z.string().trim().min(1).max(50),
  cartId: z.string().trim().min(1).max(100).optional(),
  lines: z.array(line).min(1).max(200).optional(),
  /** On the whole order, with `lines` (a cart carries its own). */
  discount: discountBody.optional(),
}).refine((body) => (body.cartId === undefined) !== (body.lines === undefined), { message: 'give either cartId or lines', path: ['lines'] })
  .refine((body) => body.cartId === undefined || body.discount === undefined, { message: 'a cart carries its own discount', path: ['discount'] });
const orderId = z.object({ id: z.uuid() });
const paymentBody = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cash'), tendered: z.number().int().min(1).max(1_000_000_000_000) }).strict(),
  z.object({ method: z.enum(['qris', 'snap']), amount: z.number().int().min(1).max(1_000_000_000_000).optional() }).strict(),
]);
const errors = {
  400: { description: 'invalid request' }, 401: { description: 'no valid token' }, 403: { description: 'another cashier\'s order, a role that may not sell, or a manager\'s approval needed (APPROVAL.REQUIRED, APPROVAL.INVALID)' },
};

function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (header.length > 200) throw new ValidationError('Idempotency-Key is longer than 200 characters', { header: 'Idempotency-Key' });
  return header;
}

export function orderRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/orders',
      summary: 'Checkout: a cart or a list of lines (product and unit, or a barcode; each with a discount if any) becomes an order with its stock reserved; discounts beyond the cashier\'s limit need X-Approval',
      roles: maySell, body: checkoutBody,
      responses: {
        201: { description: 'the order', schema: orderView }, 200: { description: 'the same checkout again: the order it made', schema: orderView }, ...errors,
        403: { description: 'another cashier\'s cart; discounts beyond the cashier\'s limit without a manager\'s approval (APPROVAL.REQUIRED, details: action, ref, amount) or with a wrong one' },
        404: { description: 'no such cart' }, 409: { description: 'a product out of stock or no longer sold' },
        422: { description: 'an unknown product, unit or barcode; a discount beyond its line or order (ORDER.DISCOUNT_INVALID); the order id or Idempotency-Key used with another body' },
        503: { description: 'the product or inventory app is unreachable: no order was made' },
      },
      handle: async ({ body, ctx, principal }) => {
        const command = { ...body, idempotencyKey: idempotencyKey(ctx.get('idempotency-key') || undefined), approval: approvalOf(ctx) };
        const { order, created } = await checkout(deps, command, principal);
        return { status: created ? 201 : 200, body: shapeOrder(order) };
      },
    }),
    securedRoute({
      method: 'get', path: '/orders/:id', summary: 'One order', roles: maySell, params: orderId,
      responses: { 200: { description: 'the order', schema: orderView }, ...errors, 404: { description: 'no such order' } },
      handle: async ({ params, principal }) => ({ body: shapeOrder(await orderFor(deps.pool, params.id, principal)) }),
    }),
    securedRoute({
      method: 'post', path: '/orders/:id/payments',
      summary: 'A tender: cash handed over pays what is due (the rest is change); QRIS or Snap charges an amount (default: all that is due) at Midtrans',
      roles: maySell, params: orderId, body: paymentBody,
      responses: {
        201: { description: 'the tender, what Midtrans answered (QR code or payment link; null for cash) and the order after it', schema: paymentView },
        200: { description: 'the same Idempotency-Key again: the tender it made', schema: paymentView }, ...errors,
        404: { description: 'no such order' }, 409: { description: 'the order is paid, cancelled or expired, or nothing is due' },
        422: { description: 'more than is due; the Idempotency-Key used with another body' },
        502: { description: 'Midtrans refused (PAYMENT.REJECTED) or failed (PAYMENT.GATEWAY_FAILED): the tender is cancelled, try again' },
        503: { description: 'Midtrans is unreachable: the tender is cancelled, try again' },
      },
      handle: async ({ params, body, principal, ctx }) => {
        const paid = await takePayment(deps, params.id, body, principal, idempotencyKey(ctx.get('idempotency-key') || undefined));
        return { status: paid.created ? 201 : 200, body: { order: shapeOrder(paid.order), payment: paid.tender, charge: paid.charge } };
      },
    }),
    securedRoute({
      method: 'post', path: '/orders/:id/cancel',
      summary: 'Cancels an unpaid order; its stock is released. Money taken on it becomes refunds due: a void, which a cashier does with a manager\'s approval (X-Approval)',
      roles: maySell, params: orderId,
      responses: {
        200: { description: 'the cancelled order', schema: orderView }, ...errors, 404: { description: 'no such order' },
        409: { description: 'the order is paid or expired; the approval was used (APPROVAL.USED)' },
      },
      handle: async ({ params, principal, ctx }) => ({ body: shapeOrder(await cancelOrder(deps, params.id, principal, approvalOf(ctx))) }),
    }),
    securedRoute({
      method: 'post', path: '/orders/:id/reprints',
      summary: 'Prints a paid order\'s receipt again, marked as a copy, and audits it; a cashier needs a manager\'s approval (X-Approval, action reprint)',
      roles: maySell, params: orderId,
      responses: {
        200: { description: 'the receipt (copy: true) and its text, 48 columns', schema: z.object({ receipt: z.record(z.string(), z.unknown()), text: z.string() }) },
        ...errors, 404: { description: 'no such order' }, 409: { description: 'not paid; the approval was used (APPROVAL.USED)' },
      },
      handle: async ({ params, principal, ctx }) => {
        const receipt = await reprintReceipt(deps, params.id, principal, approvalOf(ctx));
        return { body: { receipt, text: receiptText(receipt) } };
      },
    }),
    securedRoute({
      method: 'get', path: '/orders/:id/receipt', summary: 'The receipt of a paid order, as JSON', roles: maySell, params: orderId,
      responses: { 200: { description: 'the receipt', schema: z.record(z.string(), z.unknown()) }, ...errors, 404: { description: 'no such order' }, 409: { description: 'not paid' } },
      handle: async ({ params, principal }) => ({ body: receiptOf(await orderFor(deps.pool, params.id, principal), deps.settings.timeZone) }),
    }),
    securedRoute({
      method: 'get', path: '/orders/:id/receipt/text', summary: 'The receipt of a paid order as plain text, 48 columns for an 80 mm printer', roles: maySell, params: orderId,
      responses: { 200: { description: 'text/plain' }, ...errors, 404: { description: 'no such order' }, 409: { description: 'not paid' } },
      handle: async ({ params, principal, ctx }) => {
        const text = receiptText(receiptOf(await orderFor(deps.pool, params.id, principal), deps.settings.timeZone));
        ctx.type = 'text/plain; charset=utf-8';
        return { body: text };
      },
    }),
  ];
}

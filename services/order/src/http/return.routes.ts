// Returns against a receipt, and their refund receipts: parse, one use case, shape the reply.
import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { receiptNumber, type Order } from '../domain/order.ts';
import type { OrderReturn } from '../domain/order-return.ts';
import { maySell } from '../domain/policy.ts';
import { refundReceiptOf, refundReceiptText, returnReceiptNumber } from '../domain/refund-receipt.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { approvalOf } from './approval-header.ts';
import { recordReturn } from '../use-cases/record-return.ts';
import { returnFor } from '../use-cases/return-access.ts';
import { refundView, shapeRefund } from './refund.routes.ts';

const returnBody = z.object({
  /** Made by the till: the same id again is the same return. */
  returnId: z.uuid(),
  orderId: z.uuid(),
  outletId: z.string().trim().min(1).max(50),
  tillId: z.string().trim().min(1).max(50),
  lines: z.array(z.object({
    lineNo: z.number().int().min(1).max(10_000),
    quantity: z.number().int().min(1).max(100_000),
    reason: z.string().trim().min(1).max(200),
    disposition: z.enum(['restock', 'damaged']),
  }).strict()).min(1).max(200),
  /** Where the money goes: the way it was paid (default), or all in cash. */
  refundTo: z.enum(['original', 'cash']).default('original'),
}).strict();

const returnView = z.object({
  id: z.string(), receiptNumber: z.string(), orderId: z.string(), saleReceiptNumber: z.string(), outletId: z.string(), tillId: z.string(),
  cashierId: z.string(), cashierName: z.string(), total: z.number(), refundTo: z.enum(['original', 'cash']),
  taxes: z.array(z.object({ taxClass: z.string(), base: z.number(), tax: z.number(), gross: z.number() })),
  lines: z.array(z.object({
    lineNo: z.number(), productId: z.string(), name: z.string(), unit: z.string(), quantity: z.number(), baseQuantity: z.number(),
    unitPrice: z.number(), amount: z.number(), tax: z.number(), reason: z.string(), disposition: z.enum(['restock', 'damaged']),
  })),
  refunds: z.array(refundView), createdAt: z.string(),
});

const shapeReturn = (ret: OrderReturn, order: Order): z.infer<typeof returnView> => ({
  id: ret.id, receiptNumber: returnReceiptNumber(ret), orderId: ret.orderId, saleReceiptNumber: receiptNumber(order), outletId: ret.outletId,
  tillId: ret.tillId, cashierId: ret.cashierId, cashierName: ret.cashierName, total: ret.total, refundTo: ret.refundTo, taxes: ret.taxes,
  lines: ret.lines.map(({ lineNo, productId, name, unit, quantity, baseQuantity, unitPrice, amount, tax, reason, disposition }) =>
    ({ lineNo, productId, name, unit, quantity, baseQuantity, unitPrice, amount, tax, reason, disposition })),
  refunds: ret.refunds.map(shapeRefund), createdAt: new Date(ret.createdAt).toISOString(),
});

const returnId = z.object({ id: z.uuid() });
const errors = {
  400: { description: 'invalid request' }, 401: { description: 'no valid token' },
  403: { description: 'a cashier without a manager\'s approval (APPROVAL.REQUIRED, APPROVAL.INVALID), or another cashier\'s return' },
  404: { description: 'no such order or return' },
};

export function returnRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/returns',
      summary: 'A return against a receipt: some or all of its lines, each with a reason, back to stock or written off; refunded the way it was paid (or in cash)',
      roles: maySell, body: returnBody,
      responses: {
        201: { description: 'the return and its refunds (cash: paid; QRIS or Snap: refunded by Midtrans, or pending, or due when Midtrans refused)', schema: returnView },
        200: { description: 'the same return id and body again: the same return', schema: returnView }, ...errors,
        409: { description: 'more of a line than is left to return (RETURN.MORE_THAN_SOLD); the order is not paid (RETURN.ORDER_NOT_PAID); the approval was used (APPROVAL.USED)' },
        422: { description: 'a line the order has not (RETURN.LINE_UNKNOWN) or named twice; past the return period (RETURN.PERIOD_OVER); the id used with another body (RETURN.IDEMPOTENCY_MISMATCH)' },
      },
      handle: async ({ body, principal, ctx }) => {
        const { ret, created } = await recordReturn(deps, body, principal, approvalOf(ctx));
        const { order } = await returnFor(deps.pool, ret.id, principal);
        return { status: created ? 201 : 200, body: shapeReturn(ret, order) };
      },
    }),
    securedRoute({
      method: 'get', path: '/returns/:id', summary: 'One return and how its refunds stand', roles: maySell, params: returnId,
      responses: { 200: { description: 'the return', schema: returnView }, ...errors },
      handle: async ({ params, principal }) => {
        const { ret, order } = await returnFor(deps.pool, params.id, principal);
        return { body: shapeReturn(ret, order) };
      },
    }),
    securedRoute({
      method: 'get', path: '/returns/:id/receipt', summary: 'The refund receipt of a return, as JSON', roles: maySell, params: returnId,
      responses: { 200: { description: 'the refund receipt', schema: z.record(z.string(), z.unknown()) }, ...errors },
      handle: async ({ params, principal }) => {
        const { ret, order } = await returnFor(deps.pool, params.id, principal);
        return { body: refundReceiptOf(ret, order, deps.settings.timeZone) };
      },
    }),
    securedRoute({
      method: 'get', path: '/returns/:id/receipt/text', summary: 'The refund receipt of a return as plain text, 48 columns for an 80 mm printer', roles: maySell, params: returnId,
      responses: { 200: { description: 'text/plain' }, ...errors },
      handle: async ({ params, ctx, principal }) => {
        const { ret, order } = await returnFor(deps.pool, params.id, principal);
        ctx.type = 'text/plain; charset=utf-8';
        return { body: refundReceiptText(refundReceiptOf(ret, order, deps.settings.timeZone)) };
      },
    }),
  ];
}

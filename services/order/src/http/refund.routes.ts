// Refunds due, for managers: parse, one use case or query, shape the reply.
import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { mayRefund, maySell } from '../domain/policy.ts';
import type { Refund } from '../domain/refunds.ts';
import { refundsDue } from '../store/refund.store.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { approvalOf } from './approval-header.ts';
import { payRefundDue } from '../use-cases/refunds-due.ts';

export const refundView = z.object({
  id: z.string(), orderId: z.string(), tenderId: z.string(), cause: z.enum(['unpaid', 'return']), returnId: z.string().nullable(), method: z.enum(['cash', 'qris', 'snap']),
  amount: z.number(), status: z.enum(['due', 'pending', 'paid']), externalId: z.string().nullable(),
  paidAt: z.string().nullable(), paidBy: z.string().nullable(), createdAt: z.string(),
});
const refundDueView = refundView.extend({ receiptNumber: z.string(), orderStatus: z.string(), tenderKind: z.string() });

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);
export const shapeRefund = (refund: Refund): z.infer<typeof refundView> => ({
  id: refund.id, orderId: refund.orderId, tenderId: refund.tenderId, cause: refund.cause, returnId: refund.returnId, method: refund.method, amount: refund.amount,
  status: refund.status, externalId: refund.externalId, paidAt: iso(refund.paidAt), paidBy: refund.paidBy, createdAt: new Date(refund.createdAt).toISOString(),
});

const errors = {
  400: { description: 'invalid request' }, 401: { description: 'no valid token' },
  403: { description: 'a cashier without a manager\'s approval (APPROVAL.REQUIRED, APPROVAL.INVALID)' },
};

export function refundRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'get', path: '/refunds-due',
      summary: 'Money the shop owes back, the oldest first: tenders paid on orders that ended unpaid (cancelled, expired) or that came too late',
      roles: mayRefund,
      query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
      responses: { 200: { description: 'a page of refunds due', schema: z.object({ items: z.array(refundDueView) }) }, ...errors, 403: { description: 'not a manager' } },
      handle: async ({ query }) => ({
        body: { items: (await refundsDue(deps.pool, query)).map((row) => ({ ...shapeRefund(row), receiptNumber: row.receiptNumber, orderStatus: row.orderStatus, tenderKind: row.tenderKind })) },
      }),
    }),
    securedRoute({
      method: 'post', path: '/refunds-due/:id/pay',
      summary: 'Gives a refund due back: cash handed out from the drawer, or the way it was paid (QRIS and Snap: refunded through Midtrans)',
      roles: maySell, params: z.object({ id: z.uuid() }), body: z.object({ method: z.enum(['cash', 'original']) }).strict(),
      responses: {
        200: { description: 'the refund: paid, pending at Midtrans, due again when Midtrans refused it, or as it was when no longer due', schema: refundView }, ...errors,
        404: { description: 'no such refund' }, 409: { description: 'the approval was used (APPROVAL.USED)' },
      },
      handle: async ({ params, body, principal, ctx }) => ({ body: shapeRefund(await payRefundDue(deps, params.id, body.method, principal, approvalOf(ctx))) }),
    }),
  ];
}

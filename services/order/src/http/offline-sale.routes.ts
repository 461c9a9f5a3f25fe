// Sales a till made while offline, uploaded later: parse, one use case, shape the reply.
import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { maySell } from '../domain/policy.ts';
import { TAX_CLASSES } from '../domain/tax.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { discountBody } from './discount.schema.ts';
import { uploadOfflineSale } from '../use-cases/offline-sale.ts';
import { offlineSaleView, shapeOrder } from './order.views.ts';

const money = z.number().int().min(0).max(1_000_000_000_000);
const amount = z.number().int().min(1).max(1_000_000_000_000);
const offlineSaleBody = z.object({
  receiptNumber: z.string().trim().regex(/^[A-Z0-9-]{1,12}-\d{6,}$/, 'the till\'s code, a dash and its counter: T01-000042'),
  soldAt: z.iso.datetime({ offset: true }),
  outletId: z.string().trim().min(1).max(50),
  lines: z.array(z.object({
    productId: z.string().trim().min(1).max(100),
    unit: z.string().trim().min(1).max(50),
    quantity: z.number().int().min(1).max(100_000),
    unitPrice: money,
    lineTotal: money.describe('before discounts'),
    taxClass: z.enum(TAX_CLASSES),
    discount: discountBody.optional(),
    net: money.optional().describe('after the line\'s discount and its share of the sale\'s (default: lineTotal)'),
  }).strict()).min(1).max(200),
  discount: discountBody.optional().describe('on the whole sale, spread over its lines'),
  totals: z.object({ total: money, tax: money }).strict(),
  tenders: z.array(z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cash'), amount, tendered: amount }).strict(),
    z.object({ kind: z.literal('external'), amount, reference: z.string().trim().min(1).max(100).optional() }).strict(),
  ])).min(1).max(10),
});

export function offlineSaleRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'put', path: '/offline-sales/:id',
      summary: 'A sale the till made while offline, taken as the paid sale it was (its prices, PPN and receipt number); the stock is deducted after the fact',
      roles: maySell, params: z.object({ id: z.uuid() }), body: offlineSaleBody,
      responses: {
        201: { description: 'the order the sale became, and what the back office should look at', schema: offlineSaleView },
        200: { description: 'the same id and body again: the same order', schema: offlineSaleView },
        400: { description: 'invalid request' }, 401: { description: 'no valid token' },
        403: { description: 'a role that may not sell; a token without a till (TILL.REQUIRED) or of a revoked till (TILL.REVOKED)' },
        409: { description: 'the id, or the till\'s receipt number, was recorded with another body (OFFLINE_SALE.CONFLICT)' },
        422: { description: 'a sale that can never be taken: an unknown product or unit, totals that do not add up, tenders that do not pay the total (OFFLINE_SALE.INVALID)' },
        503: { description: 'the catalogue is unreachable: nothing was recorded, send it again' },
      },
      handle: async ({ params, body, principal }) => {
        const { order, created } = await uploadOfflineSale(deps, params.id, { ...body, soldAt: new Date(body.soldAt) }, principal);
        return { status: created ? 201 : 200, body: { order: shapeOrder(order), flags: order.offline.flags } };
      },
    }),
  ];
}

// Shifts and the cash drawer: parse, one use case, shape the reply.
import type Koa from 'koa';
import { calendarDate, securedRoute, z, type AnyRoute } from '@pos/platform';
import { mayReport, maySell } from '../domain/policy.ts';
import { DENOMINATIONS } from '../domain/shift.ts';
import { shiftReportText } from '../domain/shift-report.ts';
import { dayIn, isTimeZone } from '../domain/shop-time.ts';
import { shiftsOfDay } from '../store/shift.store.ts';
import { closeShift, xReport, zReport } from '../use-cases/close-shift.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { currentShift, openShift, recordCashMove } from '../use-cases/shifts.ts';
import { cashMoveView, reportView, shapeMove, shapeShift, shiftListView, shiftView } from './shift.views.ts';

const money = z.number().int().min(0).max(1_000_000_000_000);
const reason = z.string().trim().min(1).max(200);
const shiftId = z.object({ id: z.uuid() });
const cashMoveBody = z.discriminatedUnion('kind', [
  z.object({ moveId: z.uuid(), kind: z.enum(['in', 'out']), amount: money.min(1), reason }).strict(),
  z.object({ moveId: z.uuid(), kind: z.literal('no-sale'), reason }).strict(),
]);
const closeBody = z.object({
  counted: z.array(z.object({
    value: z.union(DENOMINATIONS.map((value) => z.literal(value))), count: z.number().int().min(0).max(1_000_000),
  }).strict()).max(DENOMINATIONS.length),
  waitingSales: z.number().int().min(0).max(100_000).optional(),
}).strict();
const errors = {
  400: { description: 'invalid request' }, 401: { description: 'no valid token' },
  403: { description: 'a role that may not; a cashier at another till (SHIFT.OTHER_TILL); a token without a till (TILL.REQUIRED)' },
};
const approvalErrors = { 403: { description: `${errors[403].description}; a manager's approval needed (APPROVAL.REQUIRED) or not valid (APPROVAL.INVALID)` } };

const approvalOf = (ctx: Koa.Context): string | undefined => ctx.get('x-approval') || undefined;
const asText = (ctx: Koa.Context, text: string) => {
  ctx.type = 'text/plain; charset=utf-8';
  return { body: text };
};

export function shiftRoutes(deps: OrderDeps): AnyRoute[] {
  const { timeZone } = deps.settings;
  return [
    securedRoute({
      method: 'post', path: '/shifts', summary: 'Opens a shift at the caller\'s till with an opening float; one open shift per till', roles: maySell,
      body: z.object({ shiftId: z.uuid(), openingFloat: money }).strict(),
      responses: {
        201: { description: 'the shift', schema: shiftView }, 200: { description: 'the same shift id and body again: the shift', schema: shiftView }, ...errors,
        409: { description: 'the till has a shift open already (SHIFT.ALREADY_OPEN, details.shiftId)' }, 422: { description: 'the shift id used with another body' },
      },
      handle: async ({ body, principal }) => {
        const { shift, created } = await openShift(deps, body, principal);
        return { status: created ? 201 : 200, body: shapeShift(shift) };
      },
    }),
    securedRoute({
      method: 'get', path: '/shifts/current', summary: 'The shift open at the caller\'s till', roles: maySell,
      responses: { 200: { description: 'the shift', schema: shiftView }, ...errors, 404: { description: 'no shift open (SHIFT.NONE_OPEN)' } },
      handle: async ({ principal }) => ({ body: shapeShift(await currentShift(deps, principal)) }),
    }),
    securedRoute({
      method: 'get', path: '/shifts', summary: 'The shifts opened on a day (shop time), with their variances once closed', roles: mayReport,
      query: z.object({ date: calendarDate.optional(), timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Jakarta').optional() }),
      responses: { 200: { description: 'the shifts', schema: z.object({ items: z.array(shiftListView) }) }, ...errors },
      handle: async ({ query }) => {
        const zone = query.timeZone ?? timeZone;
        const rows = await shiftsOfDay(deps.pool, query.date ?? dayIn(new Date(), zone), zone);
        return { body: { items: rows.map((row) => ({ ...shapeShift(row), expected: row.expected, countedTotal: row.countedTotal, variance: row.variance, varianceApprovedBy: row.varianceApprovedBy })) } };
      },
    }),
    securedRoute({
      method: 'post', path: '/shifts/:id/cash-moves',
      summary: 'Cash put in or taken out of the drawer with a reason, or the drawer opened without a sale (a cashier needs approval no-sale: header X-Approval)',
      roles: maySell, params: shiftId, body: cashMoveBody,
      responses: {
        201: { description: 'the cash move', schema: cashMoveView }, 200: { description: 'the same move id and body again: the move', schema: cashMoveView },
        ...errors, ...approvalErrors, 404: { description: 'no such shift' }, 409: { description: 'the shift is closed (SHIFT.CLOSED)' }, 422: { description: 'the move id used with another body' },
      },
      handle: async ({ params, body, principal, ctx }) => {
        const { move, created } = await recordCashMove(deps, params.id, body, principal, approvalOf(ctx));
        return { status: created ? 201 : 200, body: shapeMove(move) };
      },
    }),
    securedRoute({
      method: 'get', path: '/shifts/:id/x-report', summary: 'The X report: the open shift so far (read only)', roles: maySell, params: shiftId,
      responses: { 200: { description: 'the report', schema: reportView }, ...errors, 404: { description: 'no such shift' }, 409: { description: 'the shift is closed' } },
      handle: async ({ params, principal }) => ({ body: await xReport(deps, params.id, principal) }),
    }),
    securedRoute({
      method: 'get', path: '/shifts/:id/x-report/text', summary: 'The X report as 48 columns of text', roles: maySell, params: shiftId,
      responses: { 200: { description: 'text/plain' }, ...errors, 404: { description: 'no such shift' }, 409: { description: 'the shift is closed' } },
      handle: async ({ params, principal, ctx }) => asText(ctx, shiftReportText(await xReport(deps, params.id, principal), timeZone)),
    }),
    securedRoute({
      method: 'post', path: '/shifts/:id/close',
      summary: 'Closes the shift: the cash counted by denomination against the expected; a variance over SHIFT_VARIANCE_THRESHOLD needs approval shift-variance (header X-Approval) for a cashier',
      roles: maySell, params: shiftId, body: closeBody,
      responses: {
        201: { description: 'the Z report, and warnings (SHIFT.SALES_WAITING)', schema: z.object({ z: reportView, warnings: z.array(z.object({ code: z.string(), message: z.string() })) }) },
        200: { description: 'the same count again: the Z report it made', schema: z.object({ z: reportView, warnings: z.array(z.object({ code: z.string(), message: z.string() })) }) },
        ...errors, ...approvalErrors, 404: { description: 'no such shift' }, 409: { description: 'closed already with another count (SHIFT.CLOSED)' },
        422: { description: 'a denomination counted twice' },
      },
      handle: async ({ params, body, principal, ctx }) => {
        const closed = await closeShift(deps, params.id, body, principal, approvalOf(ctx));
        return { status: closed.created ? 201 : 200, body: { z: closed.z, warnings: closed.warnings } };
      },
    }),
    securedRoute({
      method: 'get', path: '/shifts/:id/z-report', summary: 'The Z report of a closed shift, with offline sales that arrived after its close', roles: maySell, params: shiftId,
      responses: { 200: { description: 'the report', schema: reportView }, ...errors, 404: { description: 'no such shift' }, 409: { description: 'the shift is open (SHIFT.OPEN)' } },
      handle: async ({ params, principal }) => ({ body: await zReport(deps, params.id, principal) }),
    }),
    securedRoute({
      method: 'get', path: '/shifts/:id/z-report/text', summary: 'The Z report as 48 columns of text for the till\'s printer', roles: maySell, params: shiftId,
      responses: { 200: { description: 'text/plain' }, ...errors, 404: { description: 'no such shift' }, 409: { description: 'the shift is open (SHIFT.OPEN)' } },
      handle: async ({ params, principal, ctx }) => asText(ctx, shiftReportText(await zReport(deps, params.id, principal), timeZone)),
    }),
  ];
}

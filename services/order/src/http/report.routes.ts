// Reports for managers.
import { calendarDate, securedRoute, z, type AnyRoute } from '@pos/platform';
import { mayReport } from '../domain/policy.ts';
import { dayIn, isTimeZone } from '../domain/shop-time.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { dailySummary } from '../store/report.store.ts';

export function reportRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'get', path: '/reports/daily', summary: 'One day\'s sales (of one outlet, or the whole shop): totals (after discounts, and the discounts given) per payment method, per cashier and per hour, orders and cancellations, sales made offline (on the day they were made)',
      roles: mayReport,
      query: z.object({
        date: calendarDate.optional(),
        timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Jakarta').optional(),
        /** One outlet's figures; without it, the whole shop's. */
        outletId: z.string().trim().min(1).max(50).optional(),
      }),
      responses: { 200: { description: 'the summary', schema: z.record(z.string(), z.unknown()) }, 400: { description: 'invalid date or time zone' }, 401: { description: 'no valid token' }, 403: { description: 'not a manager' } },
      handle: async ({ query }) => {
        const timeZone = query.timeZone ?? deps.settings.timeZone;
        return { body: await dailySummary(deps.pool, query.date ?? dayIn(new Date(), timeZone), timeZone, query.outletId ?? null) };
      },
    }),
  ];
}

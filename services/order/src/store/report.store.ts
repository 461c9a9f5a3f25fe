// The daily summary, straight from the tables (a read side needs no domain): one calendar day
// in the shop's time zone.
import type { Pool } from '@pos/platform';
import { moneyOfDay, type MoneyOfDay } from './books.store.ts';

export interface DailySummary {
  date: string;
  timeZone: string;
  /** The outlet reported on; null: every outlet. */
  outletId: string | null;
  orders: number;
  cancellations: number;
  total: number;
  /** What the day's paid orders were discounted by, in all (their total is after discounts):
   * total + discounts.amount is what they came to at list price. */
  discounts: { orders: number; amount: number };
  byMethod: { method: string; payments: number; amount: number }[];
  byCashier: { cashierId: string; cashierName: string; orders: number; total: number }[];
  byHour: { hour: number; orders: number; total: number }[];
  /** Refunds that became due on the day (money on orders that ended unpaid), and how they stand now. */
  refundsDue: { refundId: string; orderId: string; tenderId: string; method: string; amount: number; status: string }[];
  /** The day's money per method, in and out (store/books.store.ts). */
  money: MoneyOfDay[];
  /** Returns made on the day, and what they came to. */
  returns: { count: number; total: number };
  /** Sales tills made offline, counted on the day they were made; late: uploaded after that day ended. */
  offline: { count: number; late: number };
}

// Paid orders count on the day they were paid (a sale made offline: when the till sold it);
// cancellations on the day they ended.
const paidOnDay = `status = 'paid' AND (paid_at AT TIME ZONE $2)::date = $1::date`;

/** One outlet's orders ($3), or every outlet's when $3 is null. */
const ofOutlet = (column: string) => `($3::text IS NULL OR ${column} = $3)`;

export async function dailySummary(pool: Pool, date: string, timeZone: string, outletId: string | null = null): Promise<DailySummary> {
  const num = (sql: string) => `${sql}::float8`;
  const params = [date, timeZone, outletId];
  const paidOnDayOf = (o: string) => `${paidOnDay.replaceAll('status', `${o}.status`).replaceAll('paid_at', `${o}.paid_at`)} AND ${ofOutlet(`${o}.outlet_id`)}`;
  const [totals, byMethod, byCashier, byHour, refunds, money, returns, discounts] = await Promise.all([
    pool.query<{ orders: number; total: number; cancellations: number; offline: number; late: number }>(
      `SELECT ${num('count(*) FILTER (WHERE ' + paidOnDay + ')')} AS orders,
              ${num('coalesce(sum(total) FILTER (WHERE ' + paidOnDay + '), 0)')} AS total,
              ${num(`count(*) FILTER (WHERE status IN ('cancelled', 'expired') AND (ended_at AT TIME ZONE $2)::date = $1::date)`)} AS cancellations,
              ${num('count(*) FILTER (WHERE till_receipt IS NOT NULL AND ' + paidOnDay + ')')} AS offline,
              ${num('count(*) FILTER (WHERE arrived_late AND ' + paidOnDay + ')')} AS late
       FROM orders WHERE ${ofOutlet('outlet_id')}`, params),
    pool.query(`SELECT t.kind AS method, ${num('count(*)')} AS payments, ${num('sum(t.amount)')} AS amount
       FROM tenders t JOIN orders o ON o.id = t.order_id WHERE ${paidOnDayOf('o')}
         AND t.status = 'paid' AND NOT t.refund_due GROUP BY t.kind ORDER BY t.kind`, params),
    pool.query(`SELECT cashier_id AS "cashierId", min(cashier_name) AS "cashierName", ${num('count(*)')} AS orders, ${num('sum(total)')} AS total
       FROM orders o WHERE ${paidOnDayOf('o')} GROUP BY cashier_id ORDER BY cashier_id`, params),
    pool.query(`SELECT extract(hour FROM paid_at AT TIME ZONE $2)::int AS hour, ${num('count(*)')} AS orders, ${num('sum(total)')} AS total
       FROM orders o WHERE ${paidOnDayOf('o')} GROUP BY 1 ORDER BY 1`, params),
    pool.query(`SELECT r.id AS "refundId", r.order_id AS "orderId", r.tender_id AS "tenderId", r.method, ${num('r.amount')} AS amount, r.status
       FROM refunds r JOIN orders o ON o.id = r.order_id
       WHERE r.cause = 'unpaid' AND (r.created_at AT TIME ZONE $2)::date = $1::date AND ${ofOutlet('o.outlet_id')} ORDER BY r.created_at, r.id`, params),
    moneyOfDay(pool, date, timeZone, outletId),
    pool.query<{ count: number; total: number }>(`SELECT ${num('count(*)')} AS count, ${num('coalesce(sum(total), 0)')} AS total
       FROM returns WHERE (created_at AT TIME ZONE $2)::date = $1::date AND ${ofOutlet('outlet_id')}`, params),
    pool.query<{ orders: number; amount: number }>(`SELECT ${num('count(DISTINCT o.id) FILTER (WHERE l.list_amount > l.amount)')} AS orders,
         ${num('coalesce(sum(l.list_amount - l.amount), 0)')} AS amount
       FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE ${paidOnDayOf('o')}`, params),
  ]);
  const row = totals.rows[0] ?? { orders: 0, total: 0, cancellations: 0, offline: 0, late: 0 }; // an aggregate always has its row
  return {
    date, timeZone, outletId, orders: row.orders, cancellations: row.cancellations, total: row.total, discounts: discounts.rows[0] ?? { orders: 0, amount: 0 },
    byMethod: byMethod.rows, byCashier: byCashier.rows, byHour: byHour.rows, refundsDue: refunds.rows, money,
    returns: returns.rows[0] ?? { count: 0, total: 0 },
    offline: { count: row.offline, late: row.late },
  } as DailySummary;
}

// The day's money per payment method, straight from the tables: what came in and what went back
// out, each split by what it was for, so the report shows that nothing drops out of the books.
import type { Pool } from '@pos/platform';

export interface MoneyOfDay {
  method: string;
  /** Money taken on the day (tenders paid on it; cash: net of change). */
  taken: number;
  /** Of `taken`: for orders now paid. */
  sales: number;
  /** Of `taken`: on orders that ended unpaid, or that came when the order could no longer take
   * it; each is a refund due. */
  unpaid: number;
  /** Of `taken`: on orders still open. */
  open: number;
  /** Money given back on the day. */
  refunded: number;
  /** Of `refunded`: for goods returned. */
  returns: number;
  /** Of `refunded`: refunds due given back. */
  refundsDue: number;
  /** taken − refunded = sales − returns + (unpaid − refundsDue) + open. */
  net: number;
}

// Money counts on the day it moved in the shop's time zone: a tender when it was paid (a sale
// made offline: when the till sold it), a refund when it was given back.
/** One outlet's money, or every outlet's when outletId is null. */
export async function moneyOfDay(pool: Pool, date: string, timeZone: string, outletId: string | null = null): Promise<MoneyOfDay[]> {
  const sum = (filter = 'true', column = 'amount') => `coalesce(sum(${column}) FILTER (WHERE ${filter}), 0)::float8`;
  const { rows } = await pool.query<MoneyOfDay>(
    `WITH taken AS (
       SELECT t.kind AS method, ${sum('true', 't.amount')} AS taken,
              ${sum("NOT t.refund_due AND o.status = 'paid'", 't.amount')} AS sales,
              ${sum('t.refund_due', 't.amount')} AS unpaid,
              ${sum("NOT t.refund_due AND o.status = 'pending'", 't.amount')} AS open
       FROM tenders t JOIN orders o ON o.id = t.order_id
       WHERE t.status = 'paid' AND (t.paid_at AT TIME ZONE $2)::date = $1::date AND ($3::text IS NULL OR o.outlet_id = $3) GROUP BY t.kind
     ), refunded AS (
       SELECT method, ${sum()} AS refunded, ${sum("cause = 'return'")} AS returns, ${sum("cause = 'unpaid'")} AS "refundsDue"
       FROM refunds WHERE status = 'paid' AND (paid_at AT TIME ZONE $2)::date = $1::date
         AND ($3::text IS NULL OR order_id IN (SELECT id FROM orders WHERE outlet_id = $3)) GROUP BY method
     )
     SELECT coalesce(t.method, r.method) AS method, coalesce(t.taken, 0) AS taken, coalesce(t.sales, 0) AS sales,
            coalesce(t.unpaid, 0) AS unpaid, coalesce(t.open, 0) AS open, coalesce(r.refunded, 0) AS refunded,
            coalesce(r.returns, 0) AS returns, coalesce(r."refundsDue", 0) AS "refundsDue", coalesce(t.taken, 0) - coalesce(r.refunded, 0) AS net
     FROM taken t FULL JOIN refunded r ON r.method = t.method ORDER BY 1`, [date, timeZone, outletId]);
  return rows;
}

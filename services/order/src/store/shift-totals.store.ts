// What a shift's orders, tenders, refunds and cash moves add up to: the figures of its X and Z
// reports. Money is counted where it moved: paid tenders and paid refunds carrying the shift.
import type { Pool, Transaction } from '@pos/platform';
import type { ByMethod, LateSales, ShiftTotals } from '../domain/shift-report.ts';
import { movesOf } from './shift.store.ts';

type Db = Pool | Transaction;

async function byMethod(db: Db, sql: string, shiftId: string): Promise<ByMethod[]> {
  const { rows } = await db.query<ByMethod>(sql, [shiftId]);
  return rows;
}

export async function shiftTotals(db: Db, shiftId: string): Promise<ShiftTotals> {
  const orders = await db.query<{ count: number; total: number; offline: number; late: number }>(
    `SELECT count(*)::int AS count, coalesce(sum(total), 0)::float8 AS total,
       count(*) FILTER (WHERE till_receipt IS NOT NULL)::int AS offline, count(*) FILTER (WHERE arrived_late)::int AS late
     FROM orders WHERE shift_id = $1 AND status = 'paid' AND NOT shift_late`, [shiftId]);
  const tenders = await byMethod(db,
    `SELECT t.kind AS method, count(*)::int AS count, sum(t.amount)::float8 AS amount FROM tenders t
     JOIN orders o ON o.id = t.order_id WHERE t.shift_id = $1 AND t.status = 'paid' AND NOT o.shift_late GROUP BY t.kind ORDER BY t.kind`, shiftId);
  const refunds = await byMethod(db,
    `SELECT method, count(*)::int AS count, sum(amount)::float8 AS amount FROM refunds
     WHERE shift_id = $1 AND status = 'paid' GROUP BY method ORDER BY method`, shiftId);
  const cash = await db.query<{ received: number; change: number }>(
    `SELECT coalesce(sum(t.tendered), 0)::float8 AS received, coalesce(sum(t.change), 0)::float8 AS change FROM tenders t
     JOIN orders o ON o.id = t.order_id WHERE t.shift_id = $1 AND t.kind = 'cash' AND t.status = 'paid' AND NOT o.shift_late`, [shiftId]);
  const moves = await movesOf(db, shiftId);
  const sumMoves = (kind: 'in' | 'out') => moves.filter((move) => move.kind === kind).reduce((total, move) => total + move.amount, 0);
  const [o, c] = [orders.rows[0], cash.rows[0]];
  if (!o || !c) throw new Error('an aggregate returned no row'); // a bug if seen
  return {
    orders: { count: o.count, total: o.total },
    tenders,
    refunds,
    cash: { received: c.received, change: c.change, refunds: refunds.find((r) => r.method === 'cash')?.amount ?? 0, cashIn: sumMoves('in'), cashOut: sumMoves('out') },
    moves,
    offline: { count: o.offline, late: o.late },
  };
}

/** Offline sales that reached the shift after it had closed. */
export async function lateSales(db: Db, shiftId: string): Promise<LateSales> {
  const { rows } = await db.query<LateSales>(
    `SELECT count(*)::int AS count, coalesce(sum(o.total), 0)::float8 AS total,
       coalesce((SELECT sum(t.amount) FROM tenders t JOIN orders l ON l.id = t.order_id WHERE l.shift_id = $1 AND l.shift_late AND t.kind = 'cash'), 0)::float8 AS cash
     FROM orders o WHERE o.shift_id = $1 AND o.shift_late`, [shiftId]);
  const [row] = rows;
  if (!row) throw new Error('an aggregate returned no row'); // a bug if seen
  return row;
}

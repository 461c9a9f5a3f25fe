// shifts and shift_cash_moves: a till's shift, its cash moves, and the shift a sale belongs to.
import type { Pool, Transaction } from '@pos/platform';
import type { CashMove, ShiftClose, ShiftHeader, ZReport } from '../domain/shift-report.ts';

type Db = Pool | Transaction;

export interface StoredShift extends ShiftHeader {
  requestHash: string;
  closeHash: string | null;
  /** The Z report as it was at the close. */
  summary: ZReport | null;
}

const headerColumns = `id, till_id AS "tillId", till_code AS "tillCode", outlet_id AS "outletId",
  cashier_id AS "cashierId", cashier_name AS "cashierName", opening_float::float8 AS "openingFloat", status,
  opened_at AS "openedAt", closed_at AS "closedAt"`;
const columns = `${headerColumns}, request_hash AS "requestHash", close_hash AS "closeHash", summary`;

/** Opens the shift; false when its id exists already or its till has an open shift (either key). */
export async function insertShift(tx: Transaction, shift: ShiftHeader, requestHash: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO shifts (id, request_hash, till_id, till_code, outlet_id, cashier_id, cashier_name, opening_float, status, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9) ON CONFLICT DO NOTHING`,
    [shift.id, requestHash, shift.tillId, shift.tillCode, shift.outletId, shift.cashierId, shift.cashierName, shift.openingFloat, shift.openedAt]);
  return rowCount === 1;
}

/** `lock` holds its row until the transaction ends (a close, a cash move). */
export async function findShift(db: Db, id: string, lock = false): Promise<StoredShift | undefined> {
  const { rows } = await db.query<StoredShift>(`SELECT ${columns} FROM shifts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

export async function openShiftOf(db: Db, tillId: string): Promise<StoredShift | undefined> {
  const { rows } = await db.query<StoredShift>(`SELECT ${columns} FROM shifts WHERE till_id = $1 AND status = 'open'`, [tillId]);
  return rows[0];
}

/** The shift open at the till at `at` (now, or when an offline sale was made), share-locked: a
 * close waits for the sale that is joining its shift, or the sale sees the shift closed. */
export async function shiftAt(tx: Transaction, tillId: string | undefined, at?: Date): Promise<{ id: string; closed: boolean } | undefined> {
  if (!tillId) return undefined;
  const { rows } = await tx.query<{ id: string; closed: boolean }>(
    at === undefined
      ? `SELECT id, false AS closed FROM shifts WHERE till_id = $1 AND status = 'open' FOR SHARE`
      : `SELECT id, status = 'closed' AS closed FROM shifts WHERE till_id = $1 AND opened_at <= $2 AND (closed_at IS NULL OR closed_at > $2)
         ORDER BY opened_at DESC LIMIT 1 FOR SHARE`,
    at === undefined ? [tillId] : [tillId, at]);
  return rows[0];
}

export async function saveClose(tx: Transaction, id: string, close: ShiftClose & { expected: number; closeHash: string; summary: ZReport; closedAt: Date }): Promise<void> {
  await tx.query(
    `UPDATE shifts SET status = 'closed', closed_at = $2, close_hash = $3, closed_by = $4, closed_by_name = $5, counted = $6, counted_total = $7,
       expected = $8, variance = $9, variance_approved_by = $10, waiting_sales = $11, summary = $12 WHERE id = $1 AND status = 'open'`,
    [id, close.closedAt, close.closeHash, close.closedBy, close.closedByName, JSON.stringify(close.counted), close.countedTotal, close.expected,
      close.variance, close.varianceApprovedBy, close.waitingSales, JSON.stringify(close.summary)]);
}

const moveColumns = `id, kind, amount::float8 AS amount, reason, actor_id AS "actorId", actor_name AS "actorName", approved_by AS "approvedBy",
  created_at AS "createdAt"`;

/** False when a move with this id exists already. */
export async function insertMove(tx: Transaction, shiftId: string, move: CashMove, requestHash: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO shift_cash_moves (id, shift_id, request_hash, kind, amount, reason, actor_id, actor_name, approved_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [move.id, shiftId, requestHash, move.kind, move.amount, move.reason, move.actorId, move.actorName, move.approvedBy, move.createdAt]);
  return rowCount === 1;
}

export async function findMove(db: Db, id: string): Promise<(CashMove & { shiftId: string; requestHash: string }) | undefined> {
  const { rows } = await db.query<CashMove & { shiftId: string; requestHash: string }>(
    `SELECT ${moveColumns}, shift_id AS "shiftId", request_hash AS "requestHash" FROM shift_cash_moves WHERE id = $1`, [id]);
  return rows[0];
}

export async function movesOf(db: Db, shiftId: string): Promise<CashMove[]> {
  const { rows } = await db.query<CashMove>(`SELECT ${moveColumns} FROM shift_cash_moves WHERE shift_id = $1 ORDER BY created_at, id`, [shiftId]);
  return rows;
}

export interface ShiftListRow extends ShiftHeader { expected: number | null; countedTotal: number | null; variance: number | null; varianceApprovedBy: string | null }

/** The shifts opened on a shop day, the oldest first, with their variances once closed. */
export async function shiftsOfDay(db: Pool, date: string, timeZone: string): Promise<ShiftListRow[]> {
  const { rows } = await db.query<ShiftListRow>(
    `SELECT ${headerColumns}, expected::float8 AS expected, counted_total::float8 AS "countedTotal", variance::float8 AS variance,
       variance_approved_by AS "varianceApprovedBy"
     FROM shifts WHERE (opened_at AT TIME ZONE $2)::date = $1::date ORDER BY opened_at, id LIMIT 1000`, [date, timeZone]);
  return rows;
}

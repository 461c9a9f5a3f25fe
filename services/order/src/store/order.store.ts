// orders, order_lines, tenders and receipt_counters; a paid order comes with its returns (return.store.ts).
import type { Pool, Transaction } from '@pos/platform';
import type { AppliedDiscount } from '../domain/discounts.ts';
import type { SaleFlag } from '../domain/offline-sale.ts';
import type { OfflineFacts, Order } from '../domain/order.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import type { OrderLine } from '../domain/pricing.ts';
import type { Tender } from '../domain/tenders.ts';
import { returnsOfOrder } from './return.store.ts';

type Db = Pool | Transaction;

const orderColumns = `id, status, outlet_id AS "outletId", till_id AS "tillId", receipt_seq::float8 AS "receiptSeq",
  cashier_id AS "cashierId", cashier_name AS "cashierName", total::float8 AS total, discount, taxes, tax_rule AS "taxRule", seller,
  expires_at AS "expiresAt", created_at AS "createdAt", paid_at AS "paidAt", ended_at AS "endedAt", request_hash AS "requestHash",
  till_receipt AS "tillReceipt", arrived_late AS "arrivedLate", flags, shift_id AS "shiftId"`;
const lineColumns = `line_no AS "lineNo", product_id AS "productId", sku, name, unit, quantity, base_quantity AS "baseQuantity",
  unit_price::float8 AS "unitPrice", list_amount::float8 AS "listAmount", discount, order_discount::float8 AS "orderDiscountShare",
  amount::float8 AS amount, tax_class AS "taxClass", tax::float8 AS tax`;
const tenderColumns = `id, kind, amount::float8 AS amount, status, tendered::float8 AS tendered, change::float8 AS change,
  external_id AS "externalId", refund_due AS "refundDue"`;

export type StoredOrder = Order & { requestHash: string };
type OrderRow = Omit<StoredOrder, 'lines' | 'tenders' | 'offline'> & { tillReceipt: string | null; arrivedLate: boolean | null; flags: SaleFlag[] | null };

/** The next receipt number of a till; the counter row stays locked until the transaction ends. */
export async function nextReceiptSeq(tx: Transaction, outletId: string, tillId: string): Promise<number> {
  const { rows } = await tx.query<{ seq: number }>(
    `INSERT INTO receipt_counters (outlet_id, till_id, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (outlet_id, till_id) DO UPDATE SET last_seq = receipt_counters.last_seq + 1 RETURNING last_seq::float8 AS seq`,
    [outletId, tillId]);
  const [row] = rows;
  if (!row) throw new Error('the receipt counter upsert returned no row'); // a bug if seen
  return row.seq;
}

/** Inserts the order and its lines; false when an order with this id exists already. */
export async function insertOrder(tx: Transaction, order: Order, requestHash: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO orders (id, status, request_hash, outlet_id, till_id, receipt_seq, cashier_id, cashier_name, total, taxes, tax_rule, seller, expires_at, created_at, discount, shift_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (id) DO NOTHING`,
    [order.id, order.status, requestHash, order.outletId, order.tillId, order.receiptSeq, order.cashierId, order.cashierName, order.total,
      JSON.stringify(order.taxes), JSON.stringify(order.taxRule), JSON.stringify(order.seller), order.expiresAt, order.createdAt, discountJson(order.discount), order.shiftId ?? null]);
  if (rowCount !== 1) return false;
  await insertLines(tx, order);
  return true;
}

/** Inserts a paid sale a till made offline, and its lines; false when an order with this id, or
 * a sale with this receipt number at this till, exists already (either unique key). `shiftLate`:
 * its shift had closed when it arrived. */
export async function insertOfflineOrder(tx: Transaction, order: Order & { offline: OfflineFacts }, requestHash: string, shiftLate = false): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO orders (id, status, request_hash, outlet_id, till_id, cashier_id, cashier_name, total, taxes, tax_rule, seller, expires_at, created_at,
       paid_at, till_receipt, arrived_late, flags, discount, shift_id, shift_late)
     VALUES ($1, 'paid', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT DO NOTHING`,
    [order.id, requestHash, order.outletId, order.tillId, order.cashierId, order.cashierName, order.total,
      JSON.stringify(order.taxes), JSON.stringify(order.taxRule), JSON.stringify(order.seller), order.expiresAt, order.createdAt,
      order.paidAt, order.offline.receiptNumber, order.offline.late, JSON.stringify(order.offline.flags), discountJson(order.discount), order.shiftId ?? null, shiftLate]);
  if (rowCount !== 1) return false;
  await insertLines(tx, order);
  return true;
}

/** The order of a till's receipt number, if any. */
export async function findByTillReceipt(db: Db, tillId: string, receiptNumber: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM orders WHERE till_id = $1 AND till_receipt = $2', [tillId, receiptNumber]);
  return rows[0]?.id;
}

export async function setFlags(db: Db, id: string, flags: readonly SaleFlag[]): Promise<void> {
  await db.query('UPDATE orders SET flags = $2 WHERE id = $1 AND flags IS NOT NULL', [id, JSON.stringify(flags)]);
}

const discountJson = (discount: AppliedDiscount | null): string | null => (discount ? JSON.stringify(discount) : null);

async function insertLines(tx: Transaction, order: Order): Promise<void> {
  const columns = 'line_no, product_id, sku, name, unit, quantity, base_quantity, unit_price, amount, tax_class, tax, list_amount, order_discount, line_discount, discount';
  await tx.query(
    `INSERT INTO order_lines (order_id, ${columns})
     SELECT $1, ${columns.replace(/discount$/, 'discount::jsonb')} FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
       $9::bigint[], $10::bigint[], $11::text[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::text[]) AS l(${columns})`,
    [order.id, ...linesAsColumns(order.lines)]);
}

function linesAsColumns(lines: readonly OrderLine[]): unknown[] {
  const keys = ['lineNo', 'productId', 'sku', 'name', 'unit', 'quantity', 'baseQuantity', 'unitPrice', 'amount', 'taxClass', 'tax', 'listAmount', 'orderDiscountShare'] as const;
  return [...keys.map((key) => lines.map((line) => line[key])), lines.map((line) => line.discount?.amount ?? 0), lines.map((line) => discountJson(line.discount))];
}

/** The order with its lines and tenders; `lock` takes its row lock until the transaction ends. */
export async function findOrder(db: Db, id: string, lock = false): Promise<StoredOrder | undefined> {
  const { rows } = await db.query<OrderRow>(`SELECT ${orderColumns} FROM orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  const row = rows[0];
  if (!row) return undefined;
  const lines = await db.query<OrderLine>(`SELECT ${lineColumns} FROM order_lines WHERE order_id = $1 ORDER BY line_no`, [id]);
  const tenders = await db.query<Tender>(`SELECT ${tenderColumns} FROM tenders WHERE order_id = $1 ORDER BY created_at, id`, [id]);
  const { tillReceipt, arrivedLate, flags, ...order } = row;
  const offline = tillReceipt === null ? {} : { offline: { receiptNumber: tillReceipt, late: arrivedLate ?? false, flags: flags ?? [] } };
  // Only a paid order has returns.
  const returns = order.status === 'paid' ? { returns: await returnsOfOrder(db, id) } : {};
  return { ...order, ...offline, ...returns, lines: lines.rows, tenders: tenders.rows };
}

export async function setStatus(tx: Transaction, id: string, status: OrderStatus): Promise<void> {
  await tx.query(
    `UPDATE orders SET status = $2, paid_at = CASE WHEN $2 = 'paid' THEN now() END,
       ended_at = CASE WHEN $2 IN ('cancelled', 'expired') THEN now() END WHERE id = $1`, [id, status]);
}

/** `request` is the till's Idempotency-Key and the hash of the body it came with; `paidAt`, when
 * a paid tender was paid (now unless said: a sale made offline was paid when the till sold it);
 * `shiftId`, the shift of the till it was taken at. */
export async function insertTender(
  tx: Transaction, orderId: string, tender: Tender, options: { request?: { key: string; hash: string } | undefined; paidAt?: Date | null; shiftId?: string | null | undefined } = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO tenders (id, order_id, kind, amount, status, tendered, change, external_id, refund_due, idempotency_key, request_hash, paid_at, shift_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $5 = 'paid' THEN coalesce($12, now()) END, $13)`,
    [tender.id, orderId, tender.kind, tender.amount, tender.status, tender.tendered, tender.change, tender.externalId, tender.refundDue,
      options.request?.key ?? null, options.request?.hash ?? null, options.paidAt ?? null, options.shiftId ?? null]);
}

/** A tender's money is counted on the day it became paid (paid_at), set once. */
export async function updateTender(tx: Transaction, tender: Tender): Promise<void> {
  await tx.query(
    `UPDATE tenders SET status = $2, external_id = $3, refund_due = $4, updated_at = now(),
       paid_at = CASE WHEN $2 = 'paid' THEN coalesce(paid_at, now()) END WHERE id = $1`,
    [tender.id, tender.status, tender.externalId, tender.refundDue]);
}

/** Unpaid orders past their time, locked; rows another worker holds are skipped, so each is
 * expired by exactly one worker however many replicas run. */
export async function lockDueOrders(tx: Transaction, limit: number): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM orders WHERE status = 'pending' AND expires_at <= now() ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
  return rows.map((row) => row.id);
}

// stock_ledger: one line per change of on hand or reserved.
import type { Pool, Transaction } from '@pos/platform';
import type { StockLevel } from '../domain/stock.ts';

export type LedgerChange = 'reserve' | 'commit' | 'release' | 'received' | 'count' | 'damage' | 'loss' | 'sale' | 'return';

export interface LedgerCause {
  change: LedgerChange;
  /** Exactly one of orderId and adjustmentId; a return's lines name its order and the return. */
  orderId?: string;
  adjustmentId?: string;
  returnId?: string;
  /** The user (adjustments), the calling app (gRPC) or the expiry worker. */
  actor: string;
  reason: string;
}

export interface LedgerLine extends LedgerCause {
  seq: number;
  productId: string;
  onHandBefore: number;
  onHandAfter: number;
  reservedBefore: number;
  reservedAfter: number;
  version: number;
  at: string;
}

export interface LedgerEntry { before: StockLevel; after: StockLevel; cause: LedgerCause }

/** Writes each entry's stock row and its ledger line in one statement, the lines numbered
 * (seq) in the order given: one round trip while the caller holds the rows' locks. Each
 * product at most once, since one UPDATE changes a row at most once. */
export async function saveStockChanges(tx: Transaction, entries: readonly LedgerEntry[]): Promise<void> {
  const column = <T>(of: (entry: LedgerEntry) => T) => entries.map(of);
  await tx.query({ name: 'stock-save-changes',
    text: `WITH c AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::bigint[], $12::uuid[])
         WITH ORDINALITY AS c(product_id, change, order_id, adjustment_id, actor, reason,
           on_hand_before, on_hand_after, reserved_before, reserved_after, version, return_id, n)
     ), saved AS (
       UPDATE stock_items AS s SET on_hand = c.on_hand_after, reserved = c.reserved_after, version = c.version, updated_at = now()
       FROM c WHERE s.product_id = c.product_id
     )
     INSERT INTO stock_ledger (product_id, change, order_id, adjustment_id, actor, reason,
       on_hand_before, on_hand_after, reserved_before, reserved_after, version, return_id)
     SELECT product_id, change, order_id, adjustment_id, actor, reason, on_hand_before, on_hand_after, reserved_before, reserved_after, version, return_id
     FROM c ORDER BY n`,
    values: [column((e) => e.after.productId), column((e) => e.cause.change), column((e) => e.cause.orderId ?? null),
      column((e) => e.cause.adjustmentId ?? null), column((e) => e.cause.actor), column((e) => e.cause.reason),
      column((e) => e.before.onHand), column((e) => e.after.onHand), column((e) => e.before.reserved), column((e) => e.after.reserved),
      column((e) => e.after.version), column((e) => e.cause.returnId ?? null)] });
}

/** A product's ledger, oldest first, from after the line `afterSeq` (keyset paging). */
export async function ledgerPage(db: Pool, productId: string, page: { afterSeq: number; limit: number }): Promise<LedgerLine[]> {
  const { rows } = await db.query<LedgerLine>(
    `SELECT seq::float8 AS seq, product_id AS "productId", change, order_id AS "orderId", adjustment_id AS "adjustmentId", return_id AS "returnId",
       actor, reason, on_hand_before AS "onHandBefore", on_hand_after AS "onHandAfter",
       reserved_before AS "reservedBefore", reserved_after AS "reservedAfter", version::float8 AS version,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
     FROM stock_ledger WHERE product_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [productId, page.afterSeq, page.limit]);
  return rows.map((row) => ({ ...row, orderId: row.orderId ?? undefined, adjustmentId: row.adjustmentId ?? undefined, returnId: row.returnId ?? undefined }));
}

// stock_items: one row per product.
import type { Pool, Transaction } from '@pos/platform';
import type { StockLevel } from '../domain/stock.ts';

export interface StockItem extends StockLevel {
  sku: string;
  name: string;
  active: boolean;
  reorderLevel: number;
}

const columns = `product_id AS "productId", sku, name, active, on_hand AS "onHand", reserved,
  reorder_level AS "reorderLevel", version::float8 AS version`;

/** Locks the rows, always in product id order. Every writer of more than one row comes through
 * here, so two transactions wait for each other in the same order and cannot deadlock; the lock
 * is held to commit, so no other writer sees the stock between our read and our write. */
export async function lockStock(tx: Transaction, productIds: readonly string[]): Promise<Map<string, StockItem>> {
  const { rows } = await tx.query<StockItem>({ name: 'stock-lock',
    text: `SELECT ${columns} FROM stock_items WHERE product_id = ANY($1) ORDER BY product_id FOR UPDATE`, values: [productIds] });
  return new Map(rows.map((row) => [row.productId, row]));
}

/** A row lockStock returned; stock rows are never deleted, so a miss is a bug. */
export function lockedRow<T>(rows: ReadonlyMap<string, T>, productId: string): T {
  const row = rows.get(productId);
  if (!row) throw new Error(`stock row ${productId} was not locked`);
  return row;
}

export async function findStock(db: Pool | Transaction, productIds: readonly string[]): Promise<StockItem[]> {
  const { rows } = await db.query<StockItem>(
    `SELECT ${columns} FROM stock_items WHERE product_id = ANY($1)`, [productIds]);
  const byId = new Map(rows.map((row) => [row.productId, row]));
  return productIds.flatMap((id) => byId.get(id) ?? []);
}

/** Active products whose available stock is below their reorder level, the emptiest first. */
export async function lowStock(db: Pool, page: { limit: number; offset: number }): Promise<StockItem[]> {
  const { rows } = await db.query<StockItem>(
    `SELECT ${columns} FROM stock_items WHERE active AND on_hand - reserved < reorder_level
     ORDER BY on_hand - reserved - reorder_level, product_id LIMIT $1 OFFSET $2`, [page.limit, page.offset]);
  return rows;
}

/** Products whose available stock is below zero (sales recorded after the fact took more than
 * the shop had), the most oversold first, inactive ones too. */
export async function oversoldStock(db: Pool, page: { limit: number; offset: number }): Promise<StockItem[]> {
  const { rows } = await db.query<StockItem>(
    `SELECT ${columns} FROM stock_items WHERE on_hand - reserved < 0
     ORDER BY on_hand - reserved, product_id LIMIT $1 OFFSET $2`, [page.limit, page.offset]);
  return rows;
}

export async function setReorderLevel(db: Pool, productId: string, level: number): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE stock_items SET reorder_level = $2 WHERE product_id = $1', [productId, level]);
  return rowCount === 1;
}

export interface ProductFacts {
  id: string;
  sku: string;
  name: string;
  active: boolean;
  version: number;
}

/** Creates the product's stock item at zero, or refreshes its listing fields when this event
 * is newer than the last applied. Returns the new item when it was created. */
export async function learnProduct(tx: Transaction, product: ProductFacts): Promise<StockItem | undefined> {
  const { rows } = await tx.query<StockItem & { created: boolean }>(
    `INSERT INTO stock_items (product_id, sku, name, active, product_version) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (product_id) DO UPDATE SET sku = excluded.sku, name = excluded.name, active = excluded.active,
       product_version = excluded.product_version
       WHERE stock_items.product_version < excluded.product_version
     RETURNING ${columns}, (xmax = 0) AS created`,
    [product.id, product.sku, product.name, product.active, product.version]);
  return rows[0]?.created ? rows[0] : undefined;
}

// Every product's stock in id order, page by page, for read models that rebuild themselves.
// Its own file: the other stock queries live in stock.store.ts.
import type { Pool } from '@pos/platform';
import type { StockLevel } from '../domain/stock.ts';

/** The next `limit` stock levels whose product id sorts after `afterId` ('' for the first page). */
export async function stockAfter(pool: Pool, afterId: string, limit: number): Promise<StockLevel[]> {
  const { rows } = await pool.query<StockLevel>(
    `SELECT product_id AS "productId", on_hand AS "onHand", reserved, version::float8 AS version
     FROM stock_items WHERE product_id > $1 ORDER BY product_id LIMIT $2`, [afterId, limit]);
  return rows;
}

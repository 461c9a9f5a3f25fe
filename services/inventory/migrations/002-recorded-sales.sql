-- Sales a till made while offline, recorded after the fact (RecordSale). The shop sold what it
-- had, or thought it had, so on hand may now go below zero and below what is reserved: those two
-- CHECKs go. What stays: reserved is never negative, and no change but a recorded sale makes
-- available (on hand - reserved) negative or lowers it further (domain/stock.ts).
ALTER TABLE stock_items DROP CONSTRAINT stock_items_on_hand_check;
ALTER TABLE stock_items DROP CONSTRAINT stock_items_check;
-- The oversold products, for the back office (GET /stock/negative).
CREATE INDEX stock_items_oversold ON stock_items ((on_hand - reserved), product_id) WHERE on_hand - reserved < 0;

ALTER TABLE stock_ledger DROP CONSTRAINT stock_ledger_change_check;
ALTER TABLE stock_ledger ADD CONSTRAINT stock_ledger_change_check
  CHECK (change IN ('reserve', 'commit', 'release', 'received', 'count', 'damage', 'loss', 'sale'));

-- One per order id (the idempotency key): a retried RecordSale finds its row and answers the
-- first outcome; the stock moved once.
CREATE TABLE recorded_sales (
  order_id text PRIMARY KEY,
  lines jsonb NOT NULL,
  receipt_number text NOT NULL,
  sold_at timestamptz NOT NULL,
  -- Product ids of the sale whose available stock was below zero once it was recorded.
  oversold jsonb NOT NULL DEFAULT '[]',
  recorded_at timestamptz NOT NULL DEFAULT now()
);

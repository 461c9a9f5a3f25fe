-- Goods customers brought back (RecordReturn), recorded once per return id: on hand goes up by
-- each line ('return'), and what came back damaged is written off at once ('damage'). A return's
-- ledger lines name the order the goods were sold on (order_id) and the return (return_id).
ALTER TABLE stock_ledger ADD COLUMN return_id uuid;
ALTER TABLE stock_ledger DROP CONSTRAINT stock_ledger_change_check;
ALTER TABLE stock_ledger ADD CONSTRAINT stock_ledger_change_check
  CHECK (change IN ('reserve', 'commit', 'release', 'received', 'count', 'damage', 'loss', 'sale', 'return'));
ALTER TABLE stock_ledger ADD CONSTRAINT stock_ledger_return_names_order CHECK (return_id IS NULL OR order_id IS NOT NULL);
-- One line per product and kind of change per return: a retried return can never move stock twice.
CREATE UNIQUE INDEX stock_ledger_one_per_return ON stock_ledger (return_id, product_id, change) WHERE return_id IS NOT NULL;

-- One per return id (the idempotency key); its row is the return's lock, as recorded_sales' is.
CREATE TABLE recorded_returns (
  return_id uuid PRIMARY KEY,
  order_id text NOT NULL,
  lines jsonb NOT NULL,
  receipt_number text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

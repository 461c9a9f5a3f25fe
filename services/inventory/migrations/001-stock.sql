-- One row per product inventory has learnt from the product events. PostgreSQL holds the
-- rules it can: nothing negative, never more reserved than on hand.
CREATE TABLE stock_items (
  product_id text PRIMARY KEY,
  sku text NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  -- The product event version last applied: an older event never overwrites a newer one.
  product_version bigint NOT NULL DEFAULT 0,
  on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  reorder_level integer NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
  version bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (reserved <= on_hand)
);

-- One per order id (the idempotency key). held -> committed | released; refused keeps the
-- shortage so a retried Reserve answers the same.
CREATE TABLE reservations (
  order_id text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('held', 'committed', 'released', 'refused')),
  lines jsonb NOT NULL,
  shortages jsonb,
  release_reason text CHECK (release_reason IN ('expired', 'cancelled')),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz,
  CHECK ((status = 'released') = (release_reason IS NOT NULL))
);
CREATE INDEX reservations_due ON reservations (expires_at) WHERE status = 'held';

-- Every change of on hand or reserved is one line, so a product's stock can be explained
-- line by line: the sums of the deltas are the stock, and each line starts where the last ended.
CREATE TABLE stock_ledger (
  seq bigserial PRIMARY KEY,
  product_id text NOT NULL REFERENCES stock_items (product_id),
  change text NOT NULL CHECK (change IN ('reserve', 'commit', 'release', 'received', 'count', 'damage', 'loss')),
  order_id text,
  adjustment_id uuid,
  actor text NOT NULL,
  reason text NOT NULL,
  on_hand_before integer NOT NULL,
  on_hand_after integer NOT NULL,
  reserved_before integer NOT NULL,
  reserved_after integer NOT NULL,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((order_id IS NULL) <> (adjustment_id IS NULL))
);
CREATE INDEX stock_ledger_by_product ON stock_ledger (product_id, seq);

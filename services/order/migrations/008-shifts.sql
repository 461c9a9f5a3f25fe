-- Shifts and the cash drawer. A shift is a cashier's time at a registered till (till_id is the
-- token's till claim), from its opening float to its count; one open shift per till. Orders,
-- tenders and refunds made at the till while it is open carry its id; cash put in or taken out
-- of the drawer, and drawer opens without a sale, are its cash moves. At the close the count
-- (by denomination), what was expected and the figures of the Z report are kept: an old Z report
-- never changes, and a sale that arrives late from an offline till stays on its shift, flagged.
CREATE TABLE shifts (
  id uuid PRIMARY KEY,
  -- sha256 of the open request: the same shift id with another body is refused.
  request_hash text NOT NULL,
  till_id text NOT NULL,
  till_code text NOT NULL,
  outlet_id text NOT NULL,
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  opening_float bigint NOT NULL CHECK (opening_float >= 0),
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  close_hash text,
  closed_by text,
  closed_by_name text,
  -- [{value, count}] per Rupiah note or coin, and what they come to.
  counted jsonb,
  counted_total bigint CHECK (counted_total >= 0),
  expected bigint,
  variance bigint,
  variance_approved_by text,
  -- The sales the till still held unsent when it closed (the till's own count).
  waiting_sales integer CHECK (waiting_sales >= 0),
  -- The X report's figures at the close: the Z report.
  summary jsonb,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((status = 'closed') = (summary IS NOT NULL AND counted IS NOT NULL AND counted_total IS NOT NULL AND expected IS NOT NULL AND variance IS NOT NULL)),
  CHECK (variance IS NULL OR variance = counted_total - expected)
);
-- One open shift per till: of two opens racing, the second finds the first's row here.
CREATE UNIQUE INDEX shifts_one_open_per_till ON shifts (till_id) WHERE status = 'open';
CREATE INDEX shifts_by_till_time ON shifts (till_id, opened_at);
CREATE INDEX shifts_by_opened ON shifts (opened_at);

CREATE TABLE shift_cash_moves (
  id uuid PRIMARY KEY,
  shift_id uuid NOT NULL REFERENCES shifts (id),
  request_hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('in', 'out', 'no-sale')),
  amount bigint NOT NULL CHECK (amount >= 0),
  reason text NOT NULL CHECK (length(reason) > 0),
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  approved_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'no-sale') = (amount = 0))
);
CREATE INDEX shift_cash_moves_by_shift ON shift_cash_moves (shift_id, created_at);

ALTER TABLE orders ADD COLUMN shift_id uuid REFERENCES shifts (id);
-- An offline sale whose shift had closed when it arrived.
ALTER TABLE orders ADD COLUMN shift_late boolean NOT NULL DEFAULT false;
ALTER TABLE orders ADD CONSTRAINT orders_late_for_a_shift CHECK (NOT shift_late OR shift_id IS NOT NULL);
CREATE INDEX orders_by_shift ON orders (shift_id) WHERE shift_id IS NOT NULL;
ALTER TABLE tenders ADD COLUMN shift_id uuid REFERENCES shifts (id);
CREATE INDEX tenders_by_shift ON tenders (shift_id) WHERE shift_id IS NOT NULL;
-- A refund belongs to the shift whose drawer (or till) gave it back.
ALTER TABLE refunds ADD COLUMN shift_id uuid REFERENCES shifts (id);
CREATE INDEX refunds_by_shift ON refunds (shift_id) WHERE shift_id IS NOT NULL;

-- Orders, their lines and payments (tenders), receipt counters and the saga's steps.
-- PostgreSQL holds what it can: a total equal to its lines is checked by the writer in one
-- transaction; statuses, amounts and gap-free receipt numbers are held here.
CREATE TABLE orders (
  id uuid PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'expired')),
  -- sha256 of the checkout request: the same order id with another body is refused.
  request_hash text NOT NULL,
  outlet_id text NOT NULL,
  till_id text NOT NULL,
  receipt_seq bigint NOT NULL CHECK (receipt_seq > 0),
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  total bigint NOT NULL CHECK (total >= 0),
  -- Per tax class {taxClass, base, tax, gross}, and the rule applied: an old receipt never changes.
  taxes jsonb NOT NULL,
  tax_rule jsonb NOT NULL,
  seller jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  ended_at timestamptz,
  UNIQUE (outlet_id, till_id, receipt_seq),
  CHECK ((status = 'paid') = (paid_at IS NOT NULL))
);
CREATE INDEX orders_due ON orders (expires_at) WHERE status = 'pending';
CREATE INDEX orders_by_day ON orders (created_at);

CREATE TABLE order_lines (
  order_id uuid NOT NULL REFERENCES orders (id),
  line_no integer NOT NULL,
  product_id text NOT NULL,
  sku text NOT NULL,
  name text NOT NULL,
  unit text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  base_quantity integer NOT NULL CHECK (base_quantity > 0),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  amount bigint NOT NULL CHECK (amount >= 0),
  tax_class text NOT NULL CHECK (tax_class IN ('standard', 'luxury', 'exempt')),
  tax bigint NOT NULL CHECK (tax >= 0 AND tax <= amount),
  PRIMARY KEY (order_id, line_no)
);

-- The last receipt number per till, bumped in the checkout's transaction: a failed checkout
-- rolls its bump back, so the numbers have no gaps.
CREATE TABLE receipt_counters (
  outlet_id text NOT NULL,
  till_id text NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (outlet_id, till_id)
);

CREATE TABLE tenders (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  kind text NOT NULL CHECK (kind IN ('cash', 'qris', 'snap')),
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled')),
  tendered bigint,
  change bigint,
  external_id text,
  refund_due boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'cash') = (tendered IS NOT NULL)),
  CHECK (change IS NULL OR change = tendered - amount)
);
CREATE INDEX tenders_by_order ON tenders (order_id);

-- Calls to other apps that must happen after a commit, kept until done: the saga's steps.
-- An order's reservation is committed or released, never both: one reservation step per order.
CREATE TABLE saga_steps (
  id bigserial PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  action text NOT NULL CHECK (action IN ('inventory.commit', 'inventory.release', 'tender.cancel')),
  tender_id uuid REFERENCES tenders (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  CHECK ((action = 'tender.cancel') = (tender_id IS NOT NULL))
);
CREATE UNIQUE INDEX saga_one_reservation_step ON saga_steps (order_id) WHERE action IN ('inventory.commit', 'inventory.release');
CREATE UNIQUE INDEX saga_one_tender_cancel ON saga_steps (tender_id) WHERE tender_id IS NOT NULL;
CREATE INDEX saga_due ON saga_steps (next_at) WHERE status = 'pending';

-- Returns against a receipt (a paid order): some or all of its lines come back, each with its
-- reason and what becomes of the goods, refunded the way they were paid unless the manager says
-- cash. Each return has its own refund receipt number per till (return_counters).
CREATE TABLE returns (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  -- sha256 of the request: the same return id with another body is refused.
  request_hash text NOT NULL,
  outlet_id text NOT NULL,
  till_id text NOT NULL,
  receipt_seq bigint NOT NULL CHECK (receipt_seq > 0),
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  total bigint NOT NULL CHECK (total > 0),
  taxes jsonb NOT NULL,
  refund_to text NOT NULL CHECK (refund_to IN ('original', 'cash')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (outlet_id, till_id, receipt_seq)
);
CREATE INDEX returns_by_order ON returns (order_id);
CREATE INDEX returns_by_day ON returns (created_at);

CREATE TABLE return_counters (
  outlet_id text NOT NULL,
  till_id text NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (outlet_id, till_id)
);

CREATE TABLE return_lines (
  return_id uuid NOT NULL REFERENCES returns (id),
  order_id uuid NOT NULL,
  line_no integer NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  base_quantity integer NOT NULL CHECK (base_quantity >= 0),
  amount bigint NOT NULL CHECK (amount >= 0),
  tax bigint NOT NULL CHECK (tax >= 0 AND tax <= amount),
  reason text NOT NULL CHECK (length(reason) > 0),
  disposition text NOT NULL CHECK (disposition IN ('restock', 'damaged')),
  PRIMARY KEY (return_id, line_no),
  FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);

-- What earlier returns took back of each line, kept with the line: the database refuses more
-- than was sold, whatever the application thinks (two tills returning one line at once).
ALTER TABLE order_lines ADD COLUMN returned_quantity integer NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD CONSTRAINT order_lines_returned_at_most_sold CHECK (returned_quantity >= 0 AND returned_quantity <= quantity);

-- A return's money goes back as refunds too, one per tender it gives back from.
ALTER TABLE refunds ADD COLUMN return_id uuid REFERENCES returns (id);
ALTER TABLE refunds DROP CONSTRAINT refunds_cause_check;
ALTER TABLE refunds ADD CONSTRAINT refunds_cause_check CHECK (cause IN ('unpaid', 'return'));
ALTER TABLE refunds ADD CONSTRAINT refunds_return_cause CHECK ((cause = 'return') = (return_id IS NOT NULL));
CREATE UNIQUE INDEX refunds_one_per_return_tender ON refunds (return_id, tender_id) WHERE return_id IS NOT NULL;

-- The saga learns two steps: the goods of a return back to inventory (once per return), and a
-- refund asked of Midtrans (one live step per refund).
ALTER TABLE saga_steps ADD COLUMN return_id uuid REFERENCES returns (id);
ALTER TABLE saga_steps ADD COLUMN refund_id uuid REFERENCES refunds (id);
ALTER TABLE saga_steps DROP CONSTRAINT saga_steps_action_check;
ALTER TABLE saga_steps ADD CONSTRAINT saga_steps_action_check
  CHECK (action IN ('inventory.commit', 'inventory.release', 'tender.cancel', 'inventory.record-sale', 'inventory.return', 'refund.midtrans'));
ALTER TABLE saga_steps ADD CONSTRAINT saga_steps_return_step CHECK ((action = 'inventory.return') = (return_id IS NOT NULL));
ALTER TABLE saga_steps ADD CONSTRAINT saga_steps_refund_step CHECK ((action = 'refund.midtrans') = (refund_id IS NOT NULL));
CREATE UNIQUE INDEX saga_one_return_step ON saga_steps (return_id) WHERE action = 'inventory.return';
CREATE UNIQUE INDEX saga_one_live_refund_step ON saga_steps (refund_id) WHERE action = 'refund.midtrans' AND status = 'pending';

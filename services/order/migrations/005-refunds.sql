-- Money never drops out of the books. A tender is paid at a moment (paid_at), which is the day
-- its money is counted on; and money the shop must give back is a refund: one row per tender
-- and cause, owed (due), asked of the provider (pending) or given back (paid).
ALTER TABLE tenders ADD COLUMN paid_at timestamptz;
UPDATE tenders t SET paid_at = CASE WHEN o.till_receipt IS NOT NULL THEN o.paid_at WHEN t.kind = 'cash' THEN t.created_at ELSE t.updated_at END
  FROM orders o WHERE o.id = t.order_id AND t.status = 'paid';
ALTER TABLE tenders ADD CONSTRAINT tenders_paid_when CHECK ((status = 'paid') = (paid_at IS NOT NULL));
CREATE INDEX tenders_by_paid_day ON tenders (paid_at) WHERE status = 'paid';

CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  -- The payment it gives money back from: a refund never takes more from a tender than it paid.
  tender_id uuid NOT NULL REFERENCES tenders (id),
  -- 'unpaid': money taken on an order that ended unpaid (cancelled, expired) or that came when
  -- the order could no longer take it.
  cause text NOT NULL CHECK (cause IN ('unpaid')),
  -- How it is (to be) given back: cash from the drawer, or through Midtrans for QRIS and Snap.
  method text NOT NULL CHECK (method IN ('cash', 'qris', 'snap')),
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('due', 'pending', 'paid')),
  -- Midtrans' refund_chargeback_id once it refunded.
  external_id text,
  paid_at timestamptz,
  paid_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
  CHECK (status <> 'pending' OR method <> 'cash')
);
-- One refund due per tender of an unpaid order, however often the order's end is applied.
CREATE UNIQUE INDEX refunds_one_per_unpaid_tender ON refunds (tender_id) WHERE cause = 'unpaid';
CREATE INDEX refunds_due ON refunds (created_at) WHERE status = 'due';
CREATE INDEX refunds_by_paid_day ON refunds (paid_at) WHERE status = 'paid';
CREATE INDEX refunds_by_order ON refunds (order_id);

-- Cash taken on orders that ended unpaid before this migration was never flagged: it is now.
UPDATE tenders t SET refund_due = true, updated_at = now()
  FROM orders o WHERE o.id = t.order_id AND o.status IN ('cancelled', 'expired') AND t.status = 'paid' AND NOT t.refund_due;
INSERT INTO refunds (id, order_id, tender_id, cause, method, amount, status, created_at)
  SELECT gen_random_uuid(), t.order_id, t.id, 'unpaid', CASE WHEN t.kind IN ('qris', 'snap') THEN t.kind ELSE 'cash' END, t.amount, 'due', t.updated_at
  FROM tenders t WHERE t.refund_due;

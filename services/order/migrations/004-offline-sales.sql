-- Sales a till made while offline, uploaded later (PUT /offline-sales/:id). Such an order is paid
-- when it is made: paid_at is when the till sold it, created_at when it arrived. The till numbers
-- its own receipts (till_receipt, unique per till, till_id being the registered till's id), so
-- the order has no receipt_seq of ours.
ALTER TABLE orders ALTER COLUMN receipt_seq DROP NOT NULL;
ALTER TABLE orders ADD COLUMN till_receipt text;
-- Arrived after the shop day of its sale had ended (domain/shop-time.ts).
ALTER TABLE orders ADD COLUMN arrived_late boolean;
-- What the back office should look at: [{code: 'PRICE_DIFFERS' | 'STOCK_NEGATIVE', productId, ...}].
ALTER TABLE orders ADD COLUMN flags jsonb;
ALTER TABLE orders ADD CONSTRAINT orders_one_receipt_number CHECK ((receipt_seq IS NULL) = (till_receipt IS NOT NULL));
ALTER TABLE orders ADD CONSTRAINT orders_offline_facts CHECK ((till_receipt IS NULL) = (arrived_late IS NULL) AND (till_receipt IS NULL) = (flags IS NULL));
ALTER TABLE orders ADD CONSTRAINT orders_offline_paid CHECK (till_receipt IS NULL OR status = 'paid');
CREATE UNIQUE INDEX orders_one_per_till_receipt ON orders (till_id, till_receipt) WHERE till_receipt IS NOT NULL;

-- Paid elsewhere (the shop's own card terminal, a transfer): recorded as the till reported it.
ALTER TABLE tenders DROP CONSTRAINT tenders_kind_check;
ALTER TABLE tenders ADD CONSTRAINT tenders_kind_check CHECK (kind IN ('cash', 'qris', 'snap', 'external'));

-- The stock of an offline sale is deducted after the fact (inventory's RecordSale), once per order.
ALTER TABLE saga_steps DROP CONSTRAINT saga_steps_action_check;
ALTER TABLE saga_steps ADD CONSTRAINT saga_steps_action_check
  CHECK (action IN ('inventory.commit', 'inventory.release', 'tender.cancel', 'inventory.record-sale'));
CREATE UNIQUE INDEX saga_one_recorded_sale ON saga_steps (order_id) WHERE action = 'inventory.record-sale';

-- Tills the user service revoked (pos.till.revoked.v1 on pos.tills): their uploads are refused.
CREATE TABLE revoked_tills (
  till_id text PRIMARY KEY,
  code text NOT NULL,
  outlet_id text NOT NULL,
  revoked_at timestamptz NOT NULL,
  learnt_at timestamptz NOT NULL DEFAULT now()
);

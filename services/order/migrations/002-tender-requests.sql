-- A tender remembers the request that made it, so a till's retry (same Idempotency-Key) finds
-- it instead of adding a second one; and, for QRIS and Snap, what Midtrans answered the charge
-- with, so the retry shows the same QR code or payment link.
ALTER TABLE tenders ADD COLUMN idempotency_key text;
ALTER TABLE tenders ADD COLUMN request_hash text;
ALTER TABLE tenders ADD COLUMN charge jsonb;
ALTER TABLE tenders ADD CONSTRAINT tenders_key_has_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL));
CREATE UNIQUE INDEX tenders_one_per_key ON tenders (order_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

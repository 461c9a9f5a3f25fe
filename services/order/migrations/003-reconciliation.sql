-- Reconciliation: a pending QRIS or Snap tender whose notification never came is asked about
-- through Midtrans' status API. next_check_at is when to ask next (NULL: RECONCILE_AFTER_SECONDS
-- after the tender was made); a reconciler moves it on when it claims the tender, so each is
-- asked by one reconciler per round, at growing intervals.
ALTER TABLE tenders ADD COLUMN next_check_at timestamptz;
ALTER TABLE tenders ADD COLUMN checked_at timestamptz;
ALTER TABLE tenders ADD COLUMN checks integer NOT NULL DEFAULT 0 CHECK (checks >= 0);
CREATE INDEX tenders_to_reconcile ON tenders (coalesce(next_check_at, created_at)) WHERE status = 'pending' AND kind <> 'cash';

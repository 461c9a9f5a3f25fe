-- The audit log: who did which audited action (refunds, voids after payment, reprints, no-sale
-- opens, discounts over the limit, shift variances), at which till, for how much, approved by
-- whom. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role the app uses,
-- and each entry's hash covers the one before it, so an edit made around the trigger (a
-- superuser) is found by GET /audit/verify. seq has no gaps (appends take turns on an advisory
-- lock and take the head's seq + 1), so a deleted entry is found too.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  till_code text,
  action text NOT NULL,
  ref text NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  -- The manager whose approval it took; null when the actor's own role allowed it.
  approved_by text,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Each approval works once: its jti is kept in the transaction of the action it approved.
CREATE TABLE approvals_used (
  jti uuid PRIMARY KEY,
  action text NOT NULL,
  ref text NOT NULL,
  used_by text NOT NULL,
  used_at timestamptz NOT NULL DEFAULT now()
);

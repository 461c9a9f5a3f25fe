-- The relay backs off a failing event (retry_at) and parks a poison one (parked_at,
-- last_error) instead of retrying it forever.
ALTER TABLE outbox
  ADD COLUMN retry_at timestamptz,
  ADD COLUMN parked_at timestamptz,
  ADD COLUMN last_error text;
DROP INDEX outbox_unpublished;
CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL AND parked_at IS NULL;
-- Finds the keys held back by an event waiting for its retry.
CREATE INDEX outbox_retrying ON outbox (partition_key, seq) WHERE published_at IS NULL AND retry_at IS NOT NULL;

-- One event id may reach several subscriptions of an app: each handles it once.
ALTER TABLE inbox ADD COLUMN subscription text NOT NULL DEFAULT '';
ALTER TABLE inbox ALTER COLUMN subscription DROP DEFAULT;
ALTER TABLE inbox DROP CONSTRAINT inbox_pkey;
ALTER TABLE inbox ADD PRIMARY KEY (subscription, event_id);
CREATE INDEX inbox_handled_at ON inbox (handled_at);

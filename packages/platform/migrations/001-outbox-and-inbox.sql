-- Events written in the same transaction as the change they report; a relay publishes
-- them after commit, in seq order per partition key.
CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  topic text NOT NULL,
  type text NOT NULL,
  partition_key text,
  data jsonb NOT NULL,
  traceparent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

-- Ids of the events this service has handled: a second delivery of one finds its id here.
CREATE TABLE inbox (
  event_id text PRIMARY KEY,
  topic text NOT NULL,
  handled_at timestamptz NOT NULL DEFAULT now()
);

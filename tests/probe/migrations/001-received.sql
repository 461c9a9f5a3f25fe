-- Every handling of an event, so a test can count how often a handler really ran.
CREATE TABLE received (
  seq bigserial PRIMARY KEY,
  event_id text NOT NULL,
  topic text NOT NULL,
  data jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- A checkout's intent, recorded (committed) before it asks inventory to Reserve and deleted
-- in the transaction that commits its order: an intent left behind is a checkout that died
-- between the two (the app killed, the database lost), whose reservation no order owns. The
-- intents worker releases those (use-cases/abandoned-checkouts.ts). One row per attempt, so
-- two attempts at one order id (a till's retry) never drop each other's.
CREATE TABLE checkout_intents (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkout_intents_by_age ON checkout_intents (created_at);
CREATE INDEX checkout_intents_by_order ON checkout_intents (order_id);

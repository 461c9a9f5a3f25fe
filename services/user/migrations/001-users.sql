CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'cashier')),
  active boolean NOT NULL DEFAULT true,
  -- scrypt$<log2 N>$<r>$<p>$<salt>$<hash>: the parameters travel with the hash, so raising
  -- them later rehashes each password at its owner's next login.
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Emails are unique whatever their case.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- One row per change to an account, written in the same transaction as the change.
CREATE TABLE user_audit (
  seq bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  actor_id uuid,
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_audit_by_user ON user_audit (user_id, seq);

-- Registered tills: devices that log their cashiers in with a credential of their own.
CREATE TABLE tills (
  id uuid PRIMARY KEY,
  -- Receipt numbers are <code>-<counter>, so a code is never given to a second till, not even
  -- after the first is revoked: the unique index covers revoked tills too.
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{1,12}$'),
  outlet_id text NOT NULL,
  name text NOT NULL,
  -- SHA-256 of the device key, never the key. The key is 256 random bits made by the service,
  -- not something a person chose: there is no dictionary to try, so a slow hash (scrypt, as for
  -- passwords) would add nothing but its cost to every login and refresh at a till.
  key_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- login_throttle counts a login at a registered till by the till, not the address: keys
-- 'till:<till id>' and 'account:<email>|till:<till id>' (domain/login-policy.ts).

-- Ending every session of a user (logout, password change, deactivation) bumps this number
-- in the transaction of that change. A refresh token carries the generation it was issued
-- in and works only while it is still the user's: the revocation commits or fails with the
-- change itself, and no clock is compared.
ALTER TABLE users ADD COLUMN session_generation integer NOT NULL DEFAULT 0 CHECK (session_generation >= 0);

-- Failed-password counts move to login_throttle, keyed by email and source address.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- One row per throttled key ('account:<email>|<address>' or 'address:<address>'): the
-- password checks it used in the window that ends at window_ends.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  attempts integer NOT NULL CHECK (attempts >= 0),
  window_ends timestamptz NOT NULL
);

-- A manager's (or admin's) PIN, entered at a till to approve what a cashier may not do alone;
-- hashed as passwords are (scrypt, parameters in the hash). A cashier holds none: a role
-- change to cashier clears it in the same statement (store/user.store.ts updateUser).
ALTER TABLE users ADD COLUMN pin_hash text;
ALTER TABLE users ADD CONSTRAINT users_pin_only_for_approvers CHECK (pin_hash IS NULL OR role IN ('admin', 'manager'));

-- PIN checks are throttled in login_throttle too, keyed 'pin:<user id>' (per manager account).

-- A row whose window has ended counts nothing (the next attempt starts a new window), so
-- logins delete such rows as they go (store/login-throttle.store.ts); this finds them.
CREATE INDEX login_throttle_window_ends ON login_throttle (window_ends);

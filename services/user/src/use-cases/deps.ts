import type { Pool } from '@pos/platform';
import type { SigningKeys } from '../domain/access-token.ts';
import type { LoginPolicy } from '../domain/login-policy.ts';
import type { ScryptParams } from '../domain/password.ts';
import type { SessionStore } from '../store/session.store.ts';

export interface Settings {
  password: ScryptParams;
  login: LoginPolicy;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  refreshRetrySeconds: number;
  /** X-Forwarded-For hops trusted for the client's address (config TRUST_PROXY_HOPS). */
  trustProxyHops: number;
}

/** What the use cases work with, made once at start-up (main.ts) or by a test. */
export interface UserServiceDeps {
  pool: Pool;
  sessions: SessionStore;
  keys: SigningKeys;
  settings: Settings;
}

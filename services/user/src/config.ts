import { loadConfig, port, z } from '@pos/platform';
import { DEFAULT_LOG_N } from './domain/password.ts';

const seconds = z.coerce.number().int().positive();

export const config = loadConfig({
  HTTP_PORT: port.default(3001),
  /** scrypt cost as log2 N; raising it rehashes each password at its next login. */
  PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(DEFAULT_LOG_N),
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(900),
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(7 * 24 * 3600),
  /** Wrong passwords allowed per (email, source), and per source across all emails, within
   * one window; the source is the registered till a login is made at, or else the address
   * (domain/login-policy.ts). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  LOGIN_TILL_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: seconds.default(900),
  /** How long a refresh token may be sent again (a till retrying after a lost response) and
   * get the same pair back, instead of revoking its session as a replay. */
  REFRESH_RETRY_SECONDS: seconds.default(30),
  /** Proxies in front of the app whose X-Forwarded-For entries are trusted for the client's
   * address. 0 (the default) trusts none: the address is the connection's, and a client
   * cannot pick its own by sending the header. Behind Kong, 1: the entry Kong appends. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
});

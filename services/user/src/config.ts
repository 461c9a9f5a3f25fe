import { loadConfig, port, z } from '@pos/platform';

const seconds = z.coerce.number().int().positive();

export const config = loadConfig({
  HTTP_PORT: port.default(3001),
  /** scrypt cost as log2 N; raising it rehashes each password at its next login. */
  PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(15),
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(900),
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(7 * 24 * 3600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_SECONDS: seconds.default(900),
});

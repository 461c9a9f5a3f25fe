import { loadConfig, port, z } from '@pos/platform';

const seconds = z.coerce.number().int().positive();

export const config = loadConfig({
  HTTP_PORT: port.default(3003),
  GRPC_PORT: port.default(4103),
  /** How long Reserve holds units when the caller names no time. */
  RESERVATION_TTL_SECONDS: seconds.default(900),
  EXPIRY_EVERY_MS: z.coerce.number().int().min(100).default(1000),
});

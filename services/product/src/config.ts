import { loadConfig, port, z } from '@pos/platform';

const inStorePrefix = z.string().regex(/^2\d$/, 'a GS1 in-store prefix, 20 to 29');

export const config = loadConfig({
  HTTP_PORT: port.default(3002),
  GRPC_PORT: port.default(4102),
  /** Under test the catalogue lives in its own database (pos_product_test). */
  POS_ENV: z.string().default('development'),
  /** Scale labels whose prefix means "the value is grams" and "the value is Rupiah". */
  SCALE_WEIGHT_PREFIX: inStorePrefix.default('21'),
  SCALE_PRICE_PREFIX: inStorePrefix.default('22'),
  /** How often the relay looks for events left pending (after a crash or a failed publish). */
  EVENT_SWEEP_MS: z.coerce.number().int().min(100).default(1000),
  /** How long GetProducts keeps a product it read (0: never). A price changed through another
   * replica reaches checkouts within this; one changed through this replica at once. */
  PRODUCT_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
});

export const databaseName = config.POS_ENV === 'test' ? 'pos_product_test' : 'pos_product';

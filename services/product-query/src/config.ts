import { loadConfig, port, z } from '@pos/platform';

export const config = loadConfig({
  HTTP_PORT: port.default(3004),
  /** Under test the index has its own alias (pos-products-test). */
  POS_ENV: z.string().default('development'),
});

export const indexAlias = config.POS_ENV === 'test' ? 'pos-products-test' : 'pos-products';

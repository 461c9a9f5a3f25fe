import { fileURLToPath } from 'node:url';
import { loadConfig, port, z } from '@pos/platform';

export const config = loadConfig({
  HTTP_PORT: port.default(3006),
  /** Where the web app's build is (services/till/dist, which esbuild writes). */
  DIST_DIR: z.string().min(1).default(fileURLToPath(new URL('../dist/', import.meta.url))),
});

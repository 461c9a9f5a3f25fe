import { loadConfig, port } from '@pos/platform';

export const config = loadConfig({
  HTTP_PORT: port.default(3001),
});

import { loadConfig, port } from '@pos/platform';

export const config = loadConfig({
  HTTP_PORT: port.default(3002),
  GRPC_PORT: port.default(4102),
});

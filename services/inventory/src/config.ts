import { loadConfig, port } from '@pos/platform';

export const config = loadConfig({
  HTTP_PORT: port.default(3003),
  GRPC_PORT: port.default(4103),
});

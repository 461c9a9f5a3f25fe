import { createDaprClient, createGrpcServer, runService } from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';

const dapr = createDaprClient();

await runService({
  name: 'inventory',
  http: { app: createApp({ dapr }), port: config.HTTP_PORT },
  grpc: { server: createGrpcServer(), port: config.GRPC_PORT },
});

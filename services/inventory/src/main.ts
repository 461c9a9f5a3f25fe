import { createGrpcServer, runService } from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';

await runService({
  name: 'inventory',
  http: { app: createApp(), port: config.HTTP_PORT },
  grpc: { server: createGrpcServer(), port: config.GRPC_PORT },
});

import { addSubscriptionsOverGrpc, createDaprClient, createGrpcServer, createLogger, runService, sessionRevocationSubscription } from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';

const dapr = createDaprClient();
const grpcServer = createGrpcServer();
// Revocations fill this process's list, which the HTTP API's token verifier checks.
addSubscriptionsOverGrpc(grpcServer, [sessionRevocationSubscription()], createLogger('product'));

await runService({
  name: 'product',
  http: { app: createApp({ dapr }), port: config.HTTP_PORT },
  grpc: { server: grpcServer, port: config.GRPC_PORT },
});

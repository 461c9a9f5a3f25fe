import {
  addSubscriptionsOverGrpc, addUnaryService, createDaprClient, createGrpcServer, createLogger, createPublisher, readSecret, runService,
  sessionRevocationSubscription,
} from '@pos/platform';
import { createApp } from './app.ts';
import { config, databaseName } from './config.ts';
import { startPendingEventRelay } from './events/pending-event-relay.ts';
import { CatalogService, catalogMethods } from './grpc/catalog.handlers.ts';
import { openCatalogue } from './store/mongo.ts';
import type { ProductServiceDeps } from './use-cases/deps.ts';

const log = createLogger('product');
const dapr = createDaprClient();

const { client, catalogue } = await openCatalogue(await readSecret(dapr, 'mongo-url'), databaseName, { test: config.POS_ENV === 'test', productCacheMs: config.PRODUCT_CACHE_MS });
const relay = startPendingEventRelay({ catalogue, publish: createPublisher(dapr), log, sweepEveryMs: config.EVENT_SWEEP_MS });
const deps: ProductServiceDeps = {
  catalogue,
  scaleLabels: { weight: config.SCALE_WEIGHT_PREFIX, price: config.SCALE_PRICE_PREFIX },
  eventsWaiting: relay.kick,
};

const grpcServer = createGrpcServer();
addUnaryService(grpcServer, CatalogService, catalogMethods(deps), log);
// Revocations fill this process's list, which the HTTP API's token verifier checks.
addSubscriptionsOverGrpc(grpcServer, [sessionRevocationSubscription()], log);

await runService({
  name: 'product',
  http: { app: createApp({ ...deps, dapr }), port: config.HTTP_PORT },
  grpc: { server: grpcServer, port: config.GRPC_PORT },
  onStop: async () => {
    await relay.stop();
    await client.close();
  },
});

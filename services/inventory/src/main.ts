import {
  addSubscriptionsOverGrpc, addUnaryService, createBulkPublisher, createDaprClient, createGrpcServer, createLogger, createPool, migrate, postgresInbox,
  readSecret, requireDeadLetterTopics, runService, sessionRevocationSubscription, startOutboxRelay,
} from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';
import { startExpiryWorker } from './events/expiry-worker.ts';
import { productSubscription } from './events/product-subscription.ts';
import { inventoryMethods, InventoryService } from './grpc/inventory.handlers.ts';

const log = createLogger('inventory');
const dapr = createDaprClient();

const pool = createPool(await readSecret(dapr, 'inventory-db-url'));
await migrate(pool, new URL('../migrations/', import.meta.url).pathname);
const relay = startOutboxRelay({ pool, publish: createBulkPublisher(), log });
const expiry = startExpiryWorker(pool, log, config.EXPIRY_EVERY_MS);

const grpcServer = createGrpcServer();
addUnaryService(grpcServer, InventoryService, inventoryMethods(pool, config.RESERVATION_TTL_SECONDS), log);
// Revocations fill this process's list, which the HTTP API's token verifier checks.
const subscriptions = [productSubscription(postgresInbox(pool)), sessionRevocationSubscription()];
addSubscriptionsOverGrpc(grpcServer, subscriptions, log);

await runService({
  name: 'inventory',
  http: { app: createApp({ dapr, pool }), port: config.HTTP_PORT },
  grpc: { server: grpcServer, port: config.GRPC_PORT },
  onStop: async () => {
    await expiry.stop();
    await relay.stop();
    await pool.end();
  },
});
// Checked once listening: the sidecar of a gRPC app asks the app for its topics soon after it
// starts and, finding the port closed, subscribes to none.
await requireDeadLetterTopics(subscriptions);

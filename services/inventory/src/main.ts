import {
  addSubscriptionsOverGrpc, createDaprClient, createGrpcServer, createLogger, createPool, createPublisher, migrate, postgresInbox,
  readSecret, runService, startOutboxRelay,
} from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';
import { startExpiryWorker } from './events/expiry-worker.ts';
import { productSubscription } from './events/product-subscription.ts';
import { addUnaryServiceWithDetails } from './grpc/error-details.ts';
import { inventoryHandlers, InventoryService } from './grpc/inventory.handlers.ts';

const log = createLogger('inventory');
const dapr = createDaprClient();

const pool = createPool(await readSecret(dapr, 'inventory-db-url'));
await migrate(pool, new URL('../migrations/', import.meta.url).pathname);
const relay = startOutboxRelay({ pool, publish: createPublisher(dapr), log });
const expiry = startExpiryWorker(pool, log, config.EXPIRY_EVERY_MS);

const grpcServer = createGrpcServer();
addUnaryServiceWithDetails(grpcServer, InventoryService, inventoryHandlers(pool, config.RESERVATION_TTL_SECONDS), log);
addSubscriptionsOverGrpc(grpcServer, [productSubscription(postgresInbox(pool))], log);

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

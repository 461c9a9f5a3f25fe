import { createBulkPublisher, createDaprClient, createLogger, createPool, migrate, readSecret, runService, startOutboxRelay } from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';
import { startExpiryWorker, startSagaWorker } from './events/workers.ts';
import { catalogueClient } from './grpc/catalogue.client.ts';
import { inventoryClient } from './grpc/inventory.client.ts';
import { cartStore } from './store/cart.store.ts';
import type { ShopSettings } from './use-cases/deps.ts';
import { noPaymentGatewayYet, stepHandlers } from './use-cases/saga-steps.ts';

const log = createLogger('order');
const dapr = createDaprClient();

const pool = createPool(await readSecret(dapr, 'order-db-url'));
await migrate(pool, new URL('../migrations/', import.meta.url).pathname);
const relay = startOutboxRelay({ pool, publish: createBulkPublisher(), log });

const catalogue = catalogueClient();
const inventory = inventoryClient();
const saga = startSagaWorker(pool, stepHandlers(inventory, noPaymentGatewayYet), config.SAGA_EVERY_MS, log);
const expiry = startExpiryWorker(pool, config.EXPIRY_EVERY_MS, log, saga.kick);
saga.kick(); // steps a crash left pending run now, not a timer tick later

const settings: ShopSettings = {
  orderTtlSeconds: config.ORDER_TTL_SECONDS,
  reservationGraceSeconds: config.ORDER_RESERVATION_GRACE_SECONDS,
  cartTtlSeconds: config.CART_TTL_SECONDS,
  taxRates: config.TAX_RATES,
  vatRegistered: config.SHOP_VAT_REGISTERED,
  seller: { name: config.SHOP_NAME, address: config.SHOP_ADDRESS, npwp: config.SHOP_NPWP },
  timeZone: config.SHOP_TIME_ZONE,
};

await runService({
  name: 'order',
  http: {
    app: createApp({ dapr, pool, catalogue, inventory, carts: cartStore(dapr, config.CART_TTL_SECONDS), settings, kickSaga: saga.kick }),
    port: config.HTTP_PORT,
  },
  onStop: async () => {
    await expiry.stop();
    await saga.stop();
    await relay.stop();
    catalogue.close();
    inventory.close();
    await pool.end();
  },
});

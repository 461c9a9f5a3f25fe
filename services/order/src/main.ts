import {
  createBulkPublisher, createDaprClient, createLogger, createPool, migrate, readSecret, requireDeadLetterTopics, runService, startOutboxRelay,
} from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';
import { TILLS_TOPIC } from './events/till-subscription.ts';
import { startExpiryWorker, startIntentsWorker, startReconcileWorker, startSagaWorker } from './events/workers.ts';
import { catalogueClient } from './grpc/catalogue.client.ts';
import { inventoryClient } from './grpc/inventory.client.ts';
import { createMidtransGateway } from './payments/midtrans-gateway.ts';
import { cartStore } from './store/cart.store.ts';
import type { OrderDeps, ShopSettings } from './use-cases/deps.ts';
import { refundAtMidtrans } from './use-cases/midtrans-refund.ts';
import { cancelAtMidtrans, recordOfflineStock, returnStock, stepHandlers } from './use-cases/saga-steps.ts';

const log = createLogger('order');
const dapr = createDaprClient();

const pool = createPool(await readSecret(dapr, 'order-db-url'));
await migrate(pool, new URL('../migrations/', import.meta.url).pathname);
const relay = startOutboxRelay({ pool, publish: createBulkPublisher(), log });

const catalogue = catalogueClient();
const inventory = inventoryClient();
const serverKey = await readSecret(dapr, 'midtrans-server-key');
const gateway = createMidtransGateway({
  serverKey, isProduction: config.MIDTRANS_IS_PRODUCTION, baseUrl: config.MIDTRANS_BASE_URL, notificationUrl: config.MIDTRANS_NOTIFICATION_URL,
});

const settings: ShopSettings = {
  orderTtlSeconds: config.ORDER_TTL_SECONDS,
  reservationGraceSeconds: config.ORDER_RESERVATION_GRACE_SECONDS,
  cartTtlSeconds: config.CART_TTL_SECONDS,
  taxRates: config.TAX_RATES,
  vatRegistered: config.SHOP_VAT_REGISTERED,
  seller: { name: config.SHOP_NAME, address: config.SHOP_ADDRESS, npwp: config.SHOP_NPWP },
  timeZone: config.SHOP_TIME_ZONE,
  returnPeriodDays: config.RETURN_PERIOD_DAYS,
  cashierDiscountLimitPercent: config.CASHIER_DISCOUNT_LIMIT_PERCENT,
  shiftVarianceThreshold: config.SHIFT_VARIANCE_THRESHOLD,
};

// The saga's steps need the use cases' deps and the deps wake the saga: tied by a late-bound kick.
let kickSaga = () => {};
const deps: OrderDeps = {
  pool, catalogue, inventory, carts: cartStore(dapr, config.CART_TTL_SECONDS), midtrans: { gateway, serverKey }, settings, kickSaga: () => kickSaga(),
};
const returnSteps = { returnStock: returnStock(deps), refundAtMidtrans: (refundId: string) => refundAtMidtrans(deps, refundId) };
const saga = startSagaWorker(pool, stepHandlers(inventory, cancelAtMidtrans(deps), recordOfflineStock(deps), returnSteps), config.SAGA_EVERY_MS, log);
kickSaga = saga.kick;
const expiry = startExpiryWorker(pool, config.EXPIRY_EVERY_MS, log, saga.kick);
const reconcile = startReconcileWorker(deps, config.RECONCILE_AFTER_SECONDS, config.RECONCILE_EVERY_MS, log);
const intents = startIntentsWorker(pool, inventory, config.INTENT_STALE_SECONDS, config.INTENTS_EVERY_MS, log);
saga.kick(); // steps a crash left pending run now, not a timer tick later
intents.kick(); // likewise the checkouts a crash cut short

await runService({
  name: 'order',
  http: { app: createApp({ ...deps, dapr }), port: config.HTTP_PORT },
  onStop: async () => {
    await intents.stop();
    await reconcile.stop();
    await expiry.stop();
    await saga.stop();
    await relay.stop();
    catalogue.close();
    inventory.close();
    await pool.end();
  },
});
// A subscription without a dead-letter topic would retry a failing event forever.
await requireDeadLetterTopics([{ topic: TILLS_TOPIC }]);

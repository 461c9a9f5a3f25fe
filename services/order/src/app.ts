import {
  createHttpApp, createLogger, databaseAnswers, userServiceTokens, postgresInbox, sessionRevocationSubscription, sidecarAnswers,
  subscription, type DaprClient,
} from '@pos/platform';
import { tillSubscription } from './events/till-subscription.ts';
import { auditRoutes } from './http/audit.routes.ts';
import { cartRoutes } from './http/cart.routes.ts';
import { midtransRoutes } from './http/midtrans.routes.ts';
import { offlineSaleRoutes } from './http/offline-sale.routes.ts';
import { orderRoutes } from './http/order.routes.ts';
import { refundRoutes } from './http/refund.routes.ts';
import { reportRoutes } from './http/report.routes.ts';
import { returnRoutes } from './http/return.routes.ts';
import { shiftRoutes } from './http/shift.routes.ts';
import type { OrderDeps } from './use-cases/deps.ts';

export function createApp(deps: OrderDeps & { dapr: DaprClient }) {
  const log = createLogger('order');
  return createHttpApp({
    service: 'order',
    tokens: userServiceTokens(),
    routes: [
      subscription(sessionRevocationSubscription(), log),
      subscription(tillSubscription(postgresInbox(deps.pool)), log),
      ...orderRoutes(deps), ...offlineSaleRoutes(deps), ...cartRoutes(deps), ...reportRoutes(deps), ...returnRoutes(deps), ...refundRoutes(deps), ...shiftRoutes(deps),
      ...midtransRoutes(deps), ...auditRoutes(deps),
    ],
    readiness: { database: databaseAnswers(deps.pool), sidecar: sidecarAnswers(deps.dapr) },
  });
}

import {
  createHttpApp, createLogger, databaseAnswers, jwksFromUserService, jwksTokenVerifier, sessionRevocationSubscription, sidecarAnswers, subscription,
  type DaprClient,
} from '@pos/platform';
import { cartRoutes } from './http/cart.routes.ts';
import { midtransRoutes } from './http/midtrans.routes.ts';
import { orderRoutes } from './http/order.routes.ts';
import { reportRoutes } from './http/report.routes.ts';
import type { OrderDeps } from './use-cases/deps.ts';

export function createApp(deps: OrderDeps & { dapr: DaprClient }) {
  return createHttpApp({
    service: 'order',
    tokens: jwksTokenVerifier(jwksFromUserService()),
    routes: [
      subscription(sessionRevocationSubscription(), createLogger('order')),
      ...orderRoutes(deps), ...cartRoutes(deps), ...reportRoutes(deps), ...midtransRoutes(deps),
    ],
    readiness: { database: databaseAnswers(deps.pool), sidecar: sidecarAnswers(deps.dapr) },
  });
}

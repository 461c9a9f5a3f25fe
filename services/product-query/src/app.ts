import {
  bulkSubscription, createHttpApp, createLogger, userServiceTokens, sessionRevocationSubscription, sidecarAnswers, subscription,
  type DaprClient, type TokenVerifier,
} from '@pos/platform';
import { PRODUCTS_TOPIC, productSubscription, STOCK_TOPIC, stockSubscription } from './events/subscriptions.ts';
import { adminRoutes } from './http/admin.routes.ts';
import { catalogueRoutes } from './http/catalogue.routes.ts';
import { searchRoutes } from './http/search.routes.ts';
import { indexAnswers, type ProductIndex } from './store/product-index.ts';
import { sourceLists } from './store/source-lists.ts';
import type { Visibility } from './store/visibility.ts';

export interface AppDeps {
  dapr: DaprClient;
  index: ProductIndex;
  visibility: Visibility;
  tokens?: TokenVerifier;
}

/** The topics the app serves, for the start-up check of their dead-letter topics. */
export const SERVED_TOPICS = [{ topic: PRODUCTS_TOPIC }, { topic: STOCK_TOPIC }];

export function createApp(deps: AppDeps) {
  const log = createLogger('product-query');
  return createHttpApp({
    service: 'product-query',
    tokens: deps.tokens ?? userServiceTokens(),
    routes: [
      ...searchRoutes(deps.index),
      ...catalogueRoutes(deps.index),
      ...adminRoutes(deps.index, sourceLists),
      bulkSubscription(productSubscription(deps.index, deps.visibility), log),
      bulkSubscription(stockSubscription(deps.index, deps.visibility), log),
      subscription(sessionRevocationSubscription(), log),
    ],
    readiness: { elasticsearch: indexAnswers(deps.index), sidecar: sidecarAnswers(deps.dapr) },
  });
}

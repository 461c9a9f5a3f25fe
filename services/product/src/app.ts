import { createHttpApp, type AnyRoute, userServiceTokens, sidecarAnswers, type DaprClient } from '@pos/platform';
import { categoryRoutes } from './http/category.routes.ts';
import { productImportRoutes } from './http/product-import.routes.ts';
import { productRoutes } from './http/product.routes.ts';
import { catalogueAnswers } from './store/mongo.ts';
import { storeAnswers } from './store/store-errors.ts';
import type { ProductServiceDeps } from './use-cases/deps.ts';

/** Each route answers 503 when the catalogue's store cannot be reached. */
const withStoreErrors = (deps: ProductServiceDeps, routes: AnyRoute[]): AnyRoute[] =>
  routes.map((route) => ({ ...route, handle: (input) => storeAnswers(deps.catalogue, () => route.handle(input)) }));

export function createApp(deps: ProductServiceDeps & { dapr: DaprClient }) {
  return createHttpApp({
    service: 'product',
    routes: withStoreErrors(deps, [...productImportRoutes(deps), ...productRoutes(deps), ...categoryRoutes(deps)]),
    tokens: userServiceTokens(),
    readiness: { catalogue: catalogueAnswers(deps.catalogue), sidecar: sidecarAnswers(deps.dapr) },
  });
}

import { createHttpApp, jwksFromUserService, jwksTokenVerifier, sidecarAnswers, type DaprClient } from '@pos/platform';
import { categoryRoutes } from './http/category.routes.ts';
import { productImportRoutes } from './http/product-import.routes.ts';
import { productRoutes } from './http/product.routes.ts';
import type { ProductServiceDeps } from './use-cases/deps.ts';

export function createApp(deps: ProductServiceDeps & { dapr: DaprClient }) {
  return createHttpApp({
    service: 'product',
    routes: [...productImportRoutes(deps), ...productRoutes(deps), ...categoryRoutes(deps)],
    tokens: jwksTokenVerifier(jwksFromUserService()),
    readiness: { sidecar: sidecarAnswers(deps.dapr) },
  });
}

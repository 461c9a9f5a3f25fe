import { createHttpApp, databaseAnswers, jwksFromUserService, jwksTokenVerifier, sidecarAnswers, type DaprClient, type Pool } from '@pos/platform';
import { stockRoutes } from './http/stock.routes.ts';

export function createApp(deps: { dapr: DaprClient; pool: Pool }) {
  return createHttpApp({
    service: 'inventory',
    routes: stockRoutes(deps.pool),
    tokens: jwksTokenVerifier(jwksFromUserService()),
    readiness: { database: databaseAnswers(deps.pool), sidecar: sidecarAnswers(deps.dapr) },
  });
}

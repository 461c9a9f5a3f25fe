import { createHttpApp, databaseAnswers, userServiceTokens, sidecarAnswers, type DaprClient, type Pool } from '@pos/platform';
import { stockRoutes } from './http/stock.routes.ts';

export function createApp(deps: { dapr: DaprClient; pool: Pool }) {
  return createHttpApp({
    service: 'inventory',
    routes: stockRoutes(deps.pool),
    tokens: userServiceTokens(),
    readiness: { database: databaseAnswers(deps.pool), sidecar: sidecarAnswers(deps.dapr) },
  });
}

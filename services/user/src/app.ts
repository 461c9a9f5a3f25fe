import {
  createHttpApp, createLogger, databaseAnswers, jwksTokenVerifier, localKeySet, sessionRevocationSubscription, sidecarAnswers, subscription, type DaprClient,
} from '@pos/platform';
import { approvalRoutes } from './http/approval.routes.ts';
import { authRoutes } from './http/auth.routes.ts';
import { tillRoutes } from './http/till.routes.ts';
import { userRoutes } from './http/user.routes.ts';
import type { UserServiceDeps } from './use-cases/deps.ts';

export function createApp(deps: UserServiceDeps & { dapr: DaprClient }) {
  const app = createHttpApp({
    service: 'user',
    routes: [...authRoutes(deps), ...userRoutes(deps), ...tillRoutes(deps), ...approvalRoutes(deps), subscription(sessionRevocationSubscription(), createLogger('user'))],
    // The issuer verifies its own tokens with the keys it holds; other services fetch them.
    tokens: jwksTokenVerifier(localKeySet(deps.keys.jwks)),
    readiness: { database: databaseAnswers(deps.pool), sidecar: sidecarAnswers(deps.dapr) },
  });
  // ctx.ip, which login throttling counts by: the connection's address, or with trusted
  // proxies the entry the nearest of them appended to X-Forwarded-For (never one the client wrote).
  app.proxy = deps.settings.trustProxyHops > 0;
  app.maxIpsCount = deps.settings.trustProxyHops;
  return app;
}

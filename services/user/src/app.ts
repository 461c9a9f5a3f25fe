import { createHttpApp, databaseAnswers, jwksTokenVerifier, localKeySet, sidecarAnswers, type DaprClient } from '@pos/platform';
import { authRoutes } from './http/auth.routes.ts';
import { userRoutes } from './http/user.routes.ts';
import type { UserServiceDeps } from './use-cases/deps.ts';

export function createApp(deps: UserServiceDeps & { dapr: DaprClient }) {
  return createHttpApp({
    service: 'user',
    routes: [...authRoutes(deps), ...userRoutes(deps)],
    // The issuer verifies its own tokens with the keys it holds; other services fetch them.
    tokens: jwksTokenVerifier(localKeySet(deps.keys.jwks)),
    readiness: { database: databaseAnswers(deps.pool), sidecar: sidecarAnswers(deps.dapr) },
  });
}

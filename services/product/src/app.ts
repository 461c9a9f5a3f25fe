import { createHttpApp, jwksFromUserService, jwksTokenVerifier, sidecarAnswers, type DaprClient } from '@pos/platform';

export function createApp(deps: { dapr: DaprClient }) {
  return createHttpApp({
    service: 'product',
    tokens: jwksTokenVerifier(jwksFromUserService()),
    readiness: { sidecar: sidecarAnswers(deps.dapr) },
  });
}

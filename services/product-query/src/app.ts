import {
  createHttpApp, createLogger, jwksFromUserService, jwksTokenVerifier, sessionRevocationSubscription, sidecarAnswers, subscription, type DaprClient,
} from '@pos/platform';

export function createApp(deps: { dapr: DaprClient }) {
  return createHttpApp({
    service: 'product-query',
    tokens: jwksTokenVerifier(jwksFromUserService()),
    routes: [subscription(sessionRevocationSubscription(), createLogger('product-query'))],
    readiness: { sidecar: sidecarAnswers(deps.dapr) },
  });
}

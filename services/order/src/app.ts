import {
  createHttpApp, createLogger, jwksFromUserService, jwksTokenVerifier, sessionRevocationSubscription, sidecarAnswers, subscription, type DaprClient,
} from '@pos/platform';

export function createApp(deps: { dapr: DaprClient }) {
  return createHttpApp({
    service: 'order',
    tokens: jwksTokenVerifier(jwksFromUserService()),
    routes: [subscription(sessionRevocationSubscription(), createLogger('order'))],
    readiness: { sidecar: sidecarAnswers(deps.dapr) },
  });
}

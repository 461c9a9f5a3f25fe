import { createHttpApp, sidecarAnswers, type DaprClient } from '@pos/platform';

export function createApp(deps: { dapr: DaprClient }) {
  return createHttpApp({ service: 'user', readiness: { sidecar: sidecarAnswers(deps.dapr) } });
}

// The till's origin: the web app's files, and /api/<app>/… forwarded through the till's sidecar.
import { createHttpApp, sidecarAnswers, type DaprClient } from '@pos/platform';
import { forwardRoutes } from './forward.ts';
import { staticFiles } from './static-files.ts';

export interface AppDeps {
  dapr: DaprClient;
  distDir: string;
}

export function createApp(deps: AppDeps) {
  // No token verifier: the till checks no token itself; the apps it forwards to do.
  const app = createHttpApp({ service: 'till', routes: forwardRoutes(), readiness: { sidecar: sidecarAnswers(deps.dapr) } });
  // After the routes (createHttpApp's router): only what no route took is a file.
  app.use(staticFiles(deps.distDir));
  return app;
}

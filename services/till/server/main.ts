import { createDaprClient, runService } from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';

await runService({ name: 'till', http: { app: createApp({ dapr: createDaprClient(), distDir: config.DIST_DIR }), port: config.HTTP_PORT } });

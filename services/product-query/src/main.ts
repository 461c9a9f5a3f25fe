import { createDaprClient, runService } from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';

const dapr = createDaprClient();

await runService({
  name: 'product-query',
  http: { app: createApp({ dapr }), port: config.HTTP_PORT },
});

import { runService } from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';

await runService({
  name: 'order',
  http: { app: createApp(), port: config.HTTP_PORT },
});

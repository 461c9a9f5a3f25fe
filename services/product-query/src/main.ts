import { createDaprClient, createLogger, readSecret, requireDeadLetterTopics, runService } from '@pos/platform';
import { createApp, SERVED_TOPICS } from './app.ts';
import { config, indexAlias } from './config.ts';
import { ensureIndex, openProductIndex } from './store/product-index.ts';
import { startVisibility } from './store/visibility.ts';

const log = createLogger('product-query');
const dapr = createDaprClient();

const index = openProductIndex(await readSecret(dapr, 'elasticsearch-url'), indexAlias, { test: config.POS_ENV === 'test' });
await ensureIndex(index);
const visibility = startVisibility(index, log);
const deps = { dapr, index, visibility };

await runService({
  name: 'product-query',
  http: { app: createApp(deps), port: config.HTTP_PORT },
  onStop: async () => {
    await visibility.stop();
    await index.es.close();
  },
});
await requireDeadLetterTopics(SERVED_TOPICS);

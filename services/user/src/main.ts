import {
  createBulkPublisher, createDaprClient, createLogger, createPool, migrate, readSecret, runService, startOutboxRelay, stateStore,
} from '@pos/platform';
import { createApp } from './app.ts';
import { config } from './config.ts';
import { signingKeys } from './domain/access-token.ts';
import { sessionStore } from './store/session.store.ts';
import { bootstrapAdmin } from './use-cases/create-user.ts';
import type { UserServiceDeps } from './use-cases/deps.ts';

const log = createLogger('user');
const dapr = createDaprClient();
const secret = (key: string) => readSecret(dapr, key);

const pool = createPool(await secret('user-db-url'));
await migrate(pool, new URL('../migrations/', import.meta.url).pathname);
const deps: UserServiceDeps = {
  pool,
  sessions: sessionStore(stateStore(dapr), config.REFRESH_TOKEN_TTL_SECONDS),
  keys: await signingKeys(await secret('jwt-signing-key'), await secret('jwt-key-id'), JSON.parse(await secret('jwt-retired-public-keys'))),
  settings: {
    password: { logN: config.PASSWORD_COST, r: 8, p: 1 },
    login: { maxFailures: config.LOGIN_MAX_FAILURES, addressMaxFailures: config.LOGIN_ADDRESS_MAX_FAILURES, tillMaxFailures: config.LOGIN_TILL_MAX_FAILURES, windowSeconds: config.LOGIN_WINDOW_SECONDS },
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    refreshRetrySeconds: config.REFRESH_RETRY_SECONDS,
    trustProxyHops: config.TRUST_PROXY_HOPS,
  },
};
await bootstrapAdmin(deps, { email: await secret('admin-email'), password: await secret('admin-password') }, log);
const relay = startOutboxRelay({ pool, publish: createBulkPublisher(), log });

await runService({
  name: 'user',
  http: { app: createApp({ ...deps, dapr }), port: config.HTTP_PORT },
  onStop: async () => {
    await relay.stop();
    await pool.end();
  },
});

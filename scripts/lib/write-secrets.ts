// Writes the local secret store file read by Dapr's secretstores.local.file component.
// Random values (passwords, keys) are made once and kept; addresses follow the current
// ports and POS_*_URL overrides on every run. The file is mode 0600 and lives outside the repo.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const env = process.env;
const file = required('POS_SECRETS_FILE');
const previous: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};

function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function kept(key: string, make: () => string): string {
  return previous[key] ?? make();
}

const token = (bytes: number) => randomBytes(bytes).toString('base64url');
const pgPassword = kept('postgres-password', () => token(24));
const pgServer = env.POS_POSTGRES_URL || `postgres://pos:${encodeURIComponent(pgPassword)}@127.0.0.1:${required('POS_PG_PORT')}`;
// npm test runs the services against their own databases, named as test databases.
const databaseSuffix = env.POS_ENV === 'test' ? '_test' : '';
const pgDatabase = (name: string) => {
  const url = new URL(pgServer);
  url.pathname = `/${name}${name === 'postgres' || name.endsWith('_test') ? '' : databaseSuffix}`;
  return url.toString();
};
// A service database is reached as its own login role (pos_user -> pos_user_svc), never as
// the superuser above, which only provisioning uses. create-databases.ts makes the role
// from this URL: owner of this database alone, with the password kept here.
const rolePasswords: Record<string, string> = {};
const serviceDatabase = (key: string, name: string) => {
  const url = new URL(pgDatabase(name));
  url.username = `${name.replace(/_test$/, '')}_svc`;
  const password = rolePasswords[`${key}-password`] = kept(`${key}-password`, () => token(24));
  url.password = encodeURIComponent(password);
  return url.toString();
};
const signingKey = kept('jwt-signing-key', () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

const secrets: Record<string, string> = {
  'postgres-password': pgPassword,
  'postgres-url': pgDatabase('postgres'),
  'user-db-url': serviceDatabase('user-db', 'pos_user'),
  'inventory-db-url': serviceDatabase('inventory-db', 'pos_inventory'),
  'order-db-url': serviceDatabase('order-db', 'pos_order'),
  'state-db-url': serviceDatabase('state-db', 'pos_state'),
  'probe-db-url': serviceDatabase('probe-db', 'pos_probe_test'),
  'mongo-url': env.POS_MONGO_URL || `mongodb://127.0.0.1:${required('POS_MONGO_PORT')}`,
  'kafka-brokers': env.POS_KAFKA_BROKERS || `127.0.0.1:${required('POS_KAFKA_PORT')}`,
  'elasticsearch-url': env.POS_ELASTICSEARCH_URL || `http://127.0.0.1:${required('POS_ES_PORT')}`,
  'jwt-signing-key': signingKey,
  'jwt-key-id': kept('jwt-key-id', () => randomUUID()),
  // During a key rotation: [{"kid": "...", "publicPem": "..."}] of the keys just retired.
  'jwt-retired-public-keys': kept('jwt-retired-public-keys', () => '[]'),
  'admin-email': kept('admin-email', () => 'admin@pos.local'),
  'admin-password': kept('admin-password', () => token(18)),
  'midtrans-server-key': kept('midtrans-server-key', () => `SB-Mid-server-${token(18)}`),
  'midtrans-client-key': kept('midtrans-client-key', () => `SB-Mid-client-${token(12)}`),
  ...rolePasswords,
};

// ── API tokens, one pair per app (README, Security) ───────────────────────────────────
// <app>-dapr-api-token: what the app sends its own sidecar (DAPR_API_TOKEN);
// <app>-app-api-token: what the sidecar sends its app (APP_API_TOKEN). One pair per app, so a
// leaked token opens one sidecar or one app, never all of them.
const appsWithSidecars = ['user', 'product', 'inventory', 'product-query', 'order', 'till', 'probe-a', 'probe-b'];
for (const app of appsWithSidecars) {
  for (const kind of ['dapr-api-token', 'app-api-token']) secrets[`${app}-${kind}`] = kept(`${app}-${kind}`, () => token(32));
}
// ── end of API tokens ─────────────────────────────────────────────────────────────────

mkdirSync(dirname(file), { recursive: true });
// Written beside the file and renamed over it, so a sidecar reading it meanwhile sees the
// old file or the new one, never half of one; the new file is 0600 whatever the old one was.
const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
writeFileSync(temporary, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
chmodSync(temporary, 0o600); // a leftover of a crashed run keeps its old mode through writeFileSync
renameSync(temporary, file);

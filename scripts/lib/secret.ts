// Prints one value from the local secrets file: `node secret.ts <key>` (e.g. `postgres-password`,
// `order-dapr-api-token`). The one reader the shell scripts use: infra.sh, and where dapr run -f
// cannot hand an app or its sidecar a secret of its own (the daprd wrapper, with-app-tokens.sh).
import { readFileSync } from 'node:fs';

const key = process.argv[2];
const file = process.env.POS_SECRETS_FILE;
if (!key || !file) throw new Error('usage: POS_SECRETS_FILE=... node secret.ts <key>');
const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[key];
if (!value) throw new Error(`no secret ${key} in ${file}: run scripts/infra.sh up`);
process.stdout.write(value);

// Prints one app's value from the local secrets file: `node app-secret.ts <app> <kind>` prints
// the secret `<app>-<kind>` (e.g. `order dapr-api-token`). Used where dapr run -f cannot
// hand an app or its sidecar a secret of its own: the daprd wrapper and with-app-tokens.sh.
import { readFileSync } from 'node:fs';

const [app, kind] = process.argv.slice(2);
const file = process.env.POS_SECRETS_FILE;
if (!app || !kind || !file) throw new Error('usage: POS_SECRETS_FILE=... node app-secret.ts <app> <kind>');
const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[`${app}-${kind}`];
if (!value) throw new Error(`no secret ${app}-${kind} in ${file}: run scripts/infra.sh up`);
process.stdout.write(value);

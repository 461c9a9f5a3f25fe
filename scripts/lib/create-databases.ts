// Creates each service's database on the PostgreSQL server if it is not there yet.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const secretsFile = process.env.POS_SECRETS_FILE;
if (!secretsFile) throw new Error('POS_SECRETS_FILE is not set');
const secrets: Record<string, string> = JSON.parse(readFileSync(secretsFile, 'utf8'));
// Every `*-db-url` that write-secrets.ts made names a database of ours.
const databaseSecrets = Object.keys(secrets).filter((key) => key.endsWith('-db-url'));

const admin = new pg.Client({ connectionString: secrets['postgres-url'] });
await admin.connect();
try {
  for (const key of databaseSecrets) {
    const name = new URL(secrets[key] ?? '').pathname.slice(1);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name}"`);
      console.log(`created database ${name}`);
    }
  }
} finally {
  await admin.end();
}

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, Transaction } from './database.ts';

const platformMigrations = new URL('../../migrations/', import.meta.url).pathname;
// Any fixed number: while one instance migrates, another waits instead of racing it.
const MIGRATION_LOCK = 7_000_001;

interface Migration { name: string; sql: string; checksum: string }

/** Applies, in name order, each `.sql` file not applied before: first the platform's own
 * (outbox, inbox), then the service's. Each file runs in its own transaction, so a failing
 * file leaves the ones before it applied. An applied file that has since been edited stops
 * the start-up: its change would otherwise never reach the database. */
export async function migrate(pool: Pool, serviceMigrations?: string): Promise<string[]> {
  const files = [
    ...sqlFiles(platformMigrations, 'platform'),
    ...(serviceMigrations ? sqlFiles(serviceMigrations, 'service') : []),
  ];
  const client = await pool.connect();
  try {
    // A session lock, held across the per-file transactions.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await appliedChecksums(client, files);
    refuseEdited(files, applied);
    const names: string[] = [];
    for (const file of files.filter((f) => !applied.has(f.name))) {
      await inTransaction(client, async () => {
        await client.query(file.sql).catch((error: Error) => {
          throw new Error(`migration ${file.name} failed: ${error.message}`, { cause: error });
        });
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
      });
      names.push(file.name);
    }
    return names;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The checksum recorded for each applied file. A table from before checksums is upgraded
 * in place: its rows take the checksum of the file as it is now. */
async function appliedChecksums(client: Transaction, files: Migration[]): Promise<Map<string, string>> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), checksum text)`);
  await client.query('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text');
  for (const file of files) {
    await client.query('UPDATE schema_migrations SET checksum = $2 WHERE name = $1 AND checksum IS NULL', [file.name, file.checksum]);
  }
  const { rows } = await client.query<{ name: string; checksum: string | null }>('SELECT name, checksum FROM schema_migrations');
  return new Map(rows.map((row) => [row.name, row.checksum ?? '']));
}

function refuseEdited(files: Migration[], applied: Map<string, string>): void {
  const edited = files.filter((file) => applied.has(file.name) && applied.get(file.name) !== file.checksum);
  if (edited.length > 0) {
    throw new Error(`applied migrations were edited since: ${edited.map((file) => file.name).join(', ')}. `
      + 'Restore them and put the change in a new migration file.');
  }
}

async function inTransaction(client: Transaction, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function sqlFiles(dir: string, prefix: string): Migration[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => {
    const sql = readFileSync(join(dir, f), 'utf8');
    return { name: `${prefix}/${f}`, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

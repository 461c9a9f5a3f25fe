import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withTransaction, type Pool } from './database.ts';

const platformMigrations = new URL('../../migrations/', import.meta.url).pathname;
// Any fixed number: while one instance migrates, another waits instead of racing it.
const MIGRATION_LOCK = 7_000_001;

/** Applies, in name order, each `.sql` file not applied before: first the platform's own
 * (outbox, inbox), then the service's. Each file runs in its own transaction. */
export async function migrate(pool: Pool, serviceMigrations?: string): Promise<string[]> {
  const files = [
    ...sqlFiles(platformMigrations, 'platform'),
    ...(serviceMigrations ? sqlFiles(serviceMigrations, 'service') : []),
  ];
  return withTransaction(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f.name))) {
      await tx.query(file.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file.name]);
      applied.push(file.name);
    }
    return applied;
  });
}

function sqlFiles(dir: string, prefix: string): { name: string; sql: string }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()
    .map((f) => ({ name: `${prefix}/${f}`, sql: readFileSync(join(dir, f), 'utf8') }));
}

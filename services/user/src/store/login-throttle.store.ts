import type { Pool } from '@pos/platform';

export interface Reservation {
  key: string;
  attempts: number;
  windowEnds: Date;
}

/** Deletes up to `limit` rows whose window has ended: they count nothing, and without this a
 * spray of made-up emails would grow the table for ever. Rows another login holds are skipped,
 * never waited for, so this cannot deadlock with the counting; a skipped row goes next time. */
export async function pruneEndedWindows(db: Pool, limit = 500): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM login_throttle WHERE key IN (
       SELECT key FROM login_throttle WHERE window_ends <= now() LIMIT $1 FOR UPDATE SKIP LOCKED)`,
    [limit]);
  return rowCount ?? 0;
}

/** Counts one more attempt for each key, in one statement: concurrent requests each get
 * their own count, so a burst cannot pass the limit between a read and a write. A key whose
 * window has ended starts a new one. */
export async function reserveAttempts(db: Pool, keys: string[], windowSeconds: number): Promise<Reservation[]> {
  const { rows } = await db.query<{ key: string; attempts: number; window_ends: Date }>(
    `INSERT INTO login_throttle AS t (key, attempts, window_ends)
       SELECT key, 1, now() + make_interval(secs => $2) FROM unnest($1::text[]) AS key
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_ends <= now() THEN 1 ELSE t.attempts + 1 END,
       window_ends = CASE WHEN t.window_ends <= now() THEN excluded.window_ends ELSE t.window_ends END
     RETURNING key, attempts, window_ends`,
    [keys, windowSeconds]);
  return rows.map((row) => ({ key: row.key, attempts: row.attempts, windowEnds: row.window_ends }));
}

/** A right password: the account's count starts again and the source (address or till) gets its attempt back. */
export async function forgiveAttempt(db: Pool, account: string, source: string): Promise<void> {
  await db.query(
    `UPDATE login_throttle SET attempts = CASE WHEN key = $1 THEN 0 ELSE greatest(attempts - 1, 0) END
     WHERE key = $1 OR key = $2`,
    [account, source]);
}

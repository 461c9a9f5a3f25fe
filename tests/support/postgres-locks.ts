// Race tests prove that the race happened: the test holds a lock the racers need, waits until it
// sees them queued behind it (all in flight at once), then lets them go. No sleeps.
import assert from 'node:assert/strict';
import type { Pool, Transaction } from '@pos/platform';
import { eventually } from '@pos/platform/testing';

export interface Waiter { pid: number; applicationName: string; query: string }

/** The sessions waiting, directly or behind other waiters, on a lock that the session `pid`
 * holds. (A second waiter for a row lock waits on the first waiter, not on the holder.) */
export async function waitersOn(pool: Pool, pid: number): Promise<Waiter[]> {
  const { rows } = await pool.query<Waiter>(
    `WITH RECURSIVE behind (pid) AS (
       SELECT $1::int
       UNION
       SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY(pg_blocking_pids(a.pid)))
     SELECT a.pid, a.application_name AS "applicationName", a.query
     FROM pg_stat_activity a JOIN behind USING (pid) WHERE a.pid <> $1 ORDER BY a.pid`, [pid]);
  return rows;
}

/** Resolves once at least `count` sessions matching `which` wait on `pid`'s locks. */
export async function untilWaiting(pool: Pool, pid: number, count: number, which: (waiter: Waiter) => boolean = () => true): Promise<Waiter[]> {
  return eventually(async () => {
    const waiting = (await waitersOn(pool, pid)).filter(which);
    assert.ok(waiting.length >= count, `${waiting.length} of ${count} sessions wait on the test's lock`);
    return waiting;
  }, { timeoutMs: 20_000 });
}

/** A transaction of the test's own that holds locks until `let go` (rolled back). */
export async function holdLocks(pool: Pool, take: (tx: Transaction) => Promise<unknown>): Promise<{ pid: number; tx: Transaction; letGo(): Promise<void> }> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    await take(tx);
    const pid = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
    let done = false;
    return {
      pid, tx,
      async letGo() {
        if (done) return;
        done = true;
        try { await tx.query('ROLLBACK'); } finally { tx.release(); }
      },
    };
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    tx.release();
    throw error;
  }
}

/** This pool's application_name: its sessions in pg_stat_activity. */
export async function applicationName(pool: Pool): Promise<string> {
  return (await pool.query<{ name: string }>("SELECT current_setting('application_name') AS name")).rows[0]?.name ?? '';
}

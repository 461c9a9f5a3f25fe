// audit_log: append-only (a trigger refuses changes), each entry chained to the one before by
// its hash (domain/audit-chain.ts); approvals_used: the approvals spent.
import type { Pool, Transaction } from '@pos/platform';
import { chained, type AuditEntry, type ChainedEntry } from '../domain/audit-chain.ts';

type Db = Pool | Transaction;

/** Any fixed number: appends take turns on it until their transaction ends, so each reads the
 * head the one before it committed (and a rolled-back append leaves no gap). */
const AUDIT_APPEND_LOCK = 7_000_020;

const columns = `seq::float8 AS seq, at, actor_id AS "actorId", actor_role AS "actorRole", till_code AS "tillCode", action, ref,
  amount::float8 AS amount, approved_by AS "approvedBy", detail, prev_hash AS "prevHash", hash`;

/** Appends an entry in the caller's transaction; it commits or rolls back with the action it
 * records. The lock is held to the end of `tx`, so call this after the action's own row locks. */
export async function appendAudit(tx: Transaction, entry: Omit<AuditEntry, 'seq' | 'at'> & { at?: Date }): Promise<ChainedEntry> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
  const { rows } = await tx.query<{ seq: number; hash: string }>('SELECT seq::float8 AS seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const next = chained(rows[0], { ...entry, at: entry.at ?? new Date() });
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, actor_role, till_code, action, ref, amount, approved_by, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [next.seq, next.at, next.actorId, next.actorRole, next.tillCode, next.action, next.ref, next.amount, next.approvedBy,
      JSON.stringify(next.detail), next.prevHash, next.hash]);
  return next;
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  till?: string;
  limit: number;
  offset: number;
}

/** Entries matching the filter, the newest first ([from, to) by time). */
export async function listAudit(db: Db, filter: AuditFilter): Promise<ChainedEntry[]> {
  const { rows } = await db.query<ChainedEntry>(
    `SELECT ${columns} FROM audit_log
     WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2) AND ($3::text IS NULL OR actor_id = $3)
       AND ($4::text IS NULL OR action = $4) AND ($5::text IS NULL OR till_code = $5)
     ORDER BY seq DESC LIMIT $6 OFFSET $7`,
    [filter.from ?? null, filter.to ?? null, filter.actor ?? null, filter.action ?? null, filter.till ?? null, filter.limit, filter.offset]);
  return rows;
}

/** Up to `limit` entries after `afterSeq`, in seq order: the log read page by page. */
export async function auditPage(db: Db, afterSeq: number, limit: number): Promise<ChainedEntry[]> {
  const { rows } = await db.query<ChainedEntry>(`SELECT ${columns} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, limit]);
  return rows;
}

/** Marks an approval spent; false when it was spent before (by a transaction that committed). */
export async function useApproval(tx: Transaction, use: { jti: string; action: string; ref: string; usedBy: string }): Promise<boolean> {
  const { rowCount } = await tx.query('INSERT INTO approvals_used (jti, action, ref, used_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
    [use.jti, use.action, use.ref, use.usedBy]);
  return rowCount === 1;
}

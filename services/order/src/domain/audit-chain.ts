// The audit log's tamper check: each entry's hash is SHA-256 over the hash before it and the
// entry's own fields in a fixed form, so changing, removing or reordering any entry breaks
// every link from it on.
import { createHash } from 'node:crypto';

export interface AuditEntry {
  seq: number;
  at: Date;
  actorId: string;
  actorRole: string;
  tillCode: string | null;
  action: string;
  ref: string;
  amount: number;
  approvedBy: string | null;
  detail: Record<string, unknown>;
}

export interface ChainedEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with every object's keys sorted: PostgreSQL's jsonb does not keep the order they were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(prevHash: string, entry: AuditEntry): string {
  const fields = [entry.seq, entry.at.toISOString(), entry.actorId, entry.actorRole, entry.tillCode, entry.action, entry.ref, entry.amount, entry.approvedBy, entry.detail];
  return createHash('sha256').update(`${prevHash}\n${canonical(fields)}`).digest('hex');
}

/** The entry that follows `head` (none: the first), with its seq and hashes. */
export function chained(head: { seq: number; hash: string } | undefined, entry: Omit<AuditEntry, 'seq'>): ChainedEntry {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  return { ...entry, seq, prevHash, hash: entryHash(prevHash, { ...entry, seq }) };
}

/** Where a run of entries, in seq order, stops following on from `before` (the entry just
 * ahead of them; none: they start the log): the seq of the first that was changed, inserted,
 * moved or follows a removed one; undefined when every link holds. */
export function firstBrokenSeq(before: { seq: number; hash: string } | undefined, entries: readonly ChainedEntry[]): number | undefined {
  let seq = before?.seq ?? 0;
  let hash = before?.hash ?? GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== seq + 1 || entry.prevHash !== hash || entryHash(hash, entry) !== entry.hash) return entry.seq;
    seq = entry.seq;
    hash = entry.hash;
  }
  return undefined;
}

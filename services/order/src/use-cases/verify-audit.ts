// The audit log's tamper check, read page by page in seq order.
import type { Pool } from '@pos/platform';
import { firstBrokenSeq } from '../domain/audit-chain.ts';
import { auditPage } from '../store/audit.store.ts';

const PAGE = 1000;

export interface AuditCheck {
  ok: boolean;
  /** Entries read (up to the first broken one, when one is). */
  entries: number;
  firstBrokenSeq?: number;
}

export async function verifyAuditLog(pool: Pool): Promise<AuditCheck> {
  let before: { seq: number; hash: string } | undefined;
  let entries = 0;
  for (;;) {
    const page = await auditPage(pool, before?.seq ?? 0, PAGE);
    const broken = firstBrokenSeq(before, page);
    if (broken !== undefined) return { ok: false, entries: entries + page.findIndex((entry) => entry.seq === broken), firstBrokenSeq: broken };
    entries += page.length;
    if (page.length < PAGE) return { ok: true, entries };
    before = page.at(-1);
  }
}

// The audit log, for managers: read and filtered, and its tamper check. No route changes it.
import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { mayReadAudit } from '../domain/policy.ts';
import { listAudit } from '../store/audit.store.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { verifyAuditLog } from '../use-cases/verify-audit.ts';

const auditView = z.object({
  seq: z.number(), at: z.string(), actorId: z.string(), actorRole: z.string(), tillCode: z.string().nullable(), action: z.string(), ref: z.string(),
  amount: z.number(), approvedBy: z.string().nullable(), detail: z.record(z.string(), z.unknown()), prevHash: z.string(), hash: z.string(),
});
const errors = { 400: { description: 'invalid request' }, 401: { description: 'no valid token' }, 403: { description: 'not a manager' } };

export function auditRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'get', path: '/audit', summary: 'The audit log, the newest first: refunds, voids after payment, reprints and the other audited actions, with who approved them',
      roles: mayReadAudit,
      query: z.object({
        from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(),
        actor: z.string().trim().min(1).max(100).optional(), action: z.string().trim().min(1).max(50).optional(), till: z.string().trim().min(1).max(50).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      responses: { 200: { description: 'a page of entries', schema: z.object({ items: z.array(auditView) }) }, ...errors },
      handle: async ({ query }) => {
        const { from, to, ...rest } = query;
        const items = await listAudit(deps.pool, { ...rest, ...(from && { from: new Date(from) }), ...(to && { to: new Date(to) }) });
        return { body: { items: items.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })) } };
      },
    }),
    securedRoute({
      method: 'get', path: '/audit/verify', summary: 'Checks the audit log\'s hash chain: ok, or the seq of the first entry changed, inserted or removed',
      roles: mayReadAudit,
      responses: { 200: { description: 'the check', schema: z.object({ ok: z.boolean(), entries: z.number(), firstBrokenSeq: z.number().optional() }) }, ...errors },
      handle: async () => ({ body: await verifyAuditLog(deps.pool) }),
    }),
  ];
}

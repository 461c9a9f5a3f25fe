// Shifts and cash moves as the API shows them.
import { z } from '@pos/platform';
import type { CashMove, ShiftHeader } from '../domain/shift-report.ts';

export const shiftView = z.object({
  id: z.string(), outletId: z.string(), tillId: z.string(), tillCode: z.string(), cashierId: z.string(), cashierName: z.string(),
  openingFloat: z.number(), status: z.enum(['open', 'closed']), openedAt: z.string(), closedAt: z.string().nullable(),
});
export const shiftListView = shiftView.extend({
  expected: z.number().nullable(), countedTotal: z.number().nullable(), variance: z.number().nullable(), varianceApprovedBy: z.string().nullable(),
});
export const cashMoveView = z.object({
  id: z.string(), kind: z.enum(['in', 'out', 'no-sale']), amount: z.number(), reason: z.string(), actorId: z.string(), actorName: z.string(),
  approvedBy: z.string().nullable(), createdAt: z.string(),
});
/** An X or Z report (domain/shift-report.ts): shift, sales, refunds, cash (expected), moves; a Z report adds close and late. */
export const reportView = z.record(z.string(), z.unknown());

const iso = (at: Date | null): string | null => (at ? new Date(at).toISOString() : null);

export const shapeShift = (shift: ShiftHeader): z.infer<typeof shiftView> => ({
  id: shift.id, outletId: shift.outletId, tillId: shift.tillId, tillCode: shift.tillCode, cashierId: shift.cashierId, cashierName: shift.cashierName,
  openingFloat: shift.openingFloat, status: shift.status, openedAt: new Date(shift.openedAt).toISOString(), closedAt: iso(shift.closedAt),
});

export const shapeMove = (move: CashMove): z.infer<typeof cashMoveView> => ({ ...move, createdAt: new Date(move.createdAt).toISOString() });

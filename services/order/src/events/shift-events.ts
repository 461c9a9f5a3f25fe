// The events of a shift, through the outbox in the transaction of the change.
import type { OutboxEvent } from '@pos/platform';
import type { ShiftHeader, ZReport } from '../domain/shift-report.ts';
import { ORDERS_TOPIC } from './order-events.ts';

const header = (shift: ShiftHeader) => ({
  shiftId: shift.id, outletId: shift.outletId, tillId: shift.tillId, tillCode: shift.tillCode, cashierId: shift.cashierId, openingFloat: shift.openingFloat,
});

export const shiftOpened = (shift: ShiftHeader): OutboxEvent => ({
  topic: ORDERS_TOPIC, type: 'pos.shift.opened.v1', partitionKey: shift.id,
  data: { ...header(shift), openedAt: new Date(shift.openedAt).toISOString() },
});

export const shiftClosed = (shift: ShiftHeader, z: ZReport): OutboxEvent => ({
  topic: ORDERS_TOPIC, type: 'pos.shift.closed.v1', partitionKey: shift.id,
  data: {
    ...header(shift), openedAt: z.shift.openedAt, closedAt: z.shift.closedAt, sales: z.sales.total, refunds: z.refunds.total,
    expected: z.cash.expected, counted: z.close.countedTotal, variance: z.close.variance, varianceApprovedBy: z.close.varianceApprovedBy,
  },
});

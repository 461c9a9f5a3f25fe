// Money an order can no longer keep (its order ended unpaid, or it came too late) becomes a
// refund due, in the caller's transaction: the tender is flagged, the refund recorded, and
// pos.refund.due.v1 written to the outbox. A manager gives it back (use-cases/refunds-due.ts).
import { randomUUID } from 'node:crypto';
import { addToOutbox, type Transaction } from '@pos/platform';
import { refundDue } from '../domain/refunds.ts';
import type { Tender } from '../domain/tenders.ts';
import { refundChanged } from '../events/order-events.ts';
import { updateTender } from '../store/order.store.ts';
import { insertRefund } from '../store/refund.store.ts';

/** The tenders as they become (flagged refundDue). Applied twice, it records one refund per
 * tender (a unique key), so the order's end may be applied again safely. */
export async function oweBack(tx: Transaction, orderId: string, tenders: readonly Tender[]): Promise<Tender[]> {
  const now = new Date();
  const flagged = tenders.map((tender) => ({ ...tender, refundDue: true }));
  const recorded = [];
  for (const tender of flagged) {
    await updateTender(tx, tender);
    const refund = refundDue(randomUUID(), orderId, tender, now);
    if (await insertRefund(tx, refund)) recorded.push(refund);
  }
  await addToOutbox(tx, recorded.map(refundChanged));
  return flagged;
}

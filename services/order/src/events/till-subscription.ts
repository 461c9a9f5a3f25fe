// order learns which tills the user service revoked (pos.tills), so their uploads are refused.
import { RejectedEventError, z, type EventSubscription, type Inbox, type Transaction } from '@pos/platform';
import { recordRevokedTill } from '../store/till.store.ts';

export const TILLS_TOPIC = 'pos.tills';
export const TILL_REVOKED = 'pos.till.revoked.v1';

const revoked = z.object({
  till: z.object({ id: z.string().min(1), code: z.string().min(1), outletId: z.string().min(1) }),
  revokedAt: z.iso.datetime({ offset: true }),
});

// The topic carries other till events too: only a revocation's data is checked, and acted on.
export function tillSubscription(inbox: Inbox<Transaction>): EventSubscription<unknown, Transaction> {
  return {
    topic: TILLS_TOPIC,
    path: '/events/tills',
    owners: ['user'],
    schema: z.unknown(),
    inbox,
    handle: async (event, tx) => {
      if (event.type !== TILL_REVOKED) return;
      const data = revoked.safeParse(event.data);
      if (!data.success) throw new RejectedEventError(`invalid ${TILL_REVOKED} data: ${data.error.message}`);
      await recordRevokedTill(tx, data.data.till, new Date(data.data.revokedAt));
    },
  };
}

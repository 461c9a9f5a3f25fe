import type { OutboxEvent } from '@pos/platform';
import { claimOf, type Till } from '../domain/till.ts';

/** Topic of till events; the till id is the partition key. */
export const TILL_TOPIC = 'pos.tills';

/** Services that take a till's word (order's offline sales) stop taking it from now on. */
export const tillRevoked = (till: Till): OutboxEvent => ({
  topic: TILL_TOPIC,
  type: 'pos.till.revoked.v1',
  partitionKey: till.id,
  data: { till: claimOf(till), revokedAt: till.revokedAt },
});

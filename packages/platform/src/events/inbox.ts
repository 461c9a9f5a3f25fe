import { withTransaction, type Pool, type Transaction } from '../postgres/database.ts';

/** Runs the work for an event at most once per subscription: the id is recorded in the same
 * transaction as the work, so a crash either keeps both or neither. */
export interface Inbox<Tx> {
  once(subscription: string, eventId: string, topic: string, work: (tx: Tx) => Promise<void>): Promise<'handled' | 'duplicate'>;
}

// Ids are kept 30 days, well past Kafka's 7-day retention, so no redelivery outlives its id.
const PRUNE_EVERY_MS = 3_600_000;

export function postgresInbox(pool: Pool): Inbox<Transaction> {
  let prunedAt = Date.now();
  const pruneNowAndThen = () => {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = Date.now();
    void pool.query("DELETE FROM inbox WHERE handled_at < now() - interval '30 days'").catch(() => undefined);
  };
  return {
    once: (subscription, eventId, topic, work) => withTransaction(pool, async (tx) => {
      pruneNowAndThen();
      // A concurrent delivery of the same id waits here on the key, then finds it taken.
      const inserted = await tx.query(
        'INSERT INTO inbox (subscription, event_id, topic) VALUES ($1, $2, $3) ON CONFLICT (subscription, event_id) DO NOTHING',
        [subscription, eventId, topic]);
      if (inserted.rowCount === 0) return 'duplicate';
      await work(tx);
      return 'handled';
    }),
  };
}

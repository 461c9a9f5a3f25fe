import { withTransaction, type Pool, type Transaction } from '../postgres/database.ts';

/** Runs the work for an event id at most once: the id is recorded in the same transaction
 * as the work, so a crash either keeps both or neither. */
export interface Inbox<Tx> {
  once(eventId: string, topic: string, work: (tx: Tx) => Promise<void>): Promise<'handled' | 'duplicate'>;
}

export function postgresInbox(pool: Pool): Inbox<Transaction> {
  return {
    once: (eventId, topic, work) => withTransaction(pool, async (tx) => {
      // A concurrent delivery of the same id waits here on the key, then finds it taken.
      const inserted = await tx.query(
        'INSERT INTO inbox (event_id, topic) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING', [eventId, topic]);
      if (inserted.rowCount === 0) return 'duplicate';
      await work(tx);
      return 'handled';
    }),
  };
}

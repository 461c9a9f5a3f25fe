// Posts notifications as Midtrans does, one transaction's in the order they were made: each
// delivery waits for the one before it, so a test sees them arrive in order unless it replays
// one on purpose. A receiver that fails or cannot be reached is logged; nothing is retried.
import type { Logger } from '@pos/platform';
import type { Notification, Transaction } from './transactions.ts';

export interface Delivery {
  url: string;
  /** The receiver's HTTP status, or why there was none. */
  status?: number;
  error?: string;
}

const queues = new WeakMap<Transaction, Promise<unknown>>();

export function createNotifier(log: Logger) {
  async function post(url: string, notification: Notification): Promise<Delivery> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(5000),
      });
      await response.body?.cancel();
      log.info({ url, orderId: notification.order_id, transactionStatus: notification.transaction_status, status: response.status }, 'notification delivered');
      return { url, status: response.status };
    } catch (error) {
      log.warn({ url, orderId: notification.order_id, err: error }, 'notification not delivered');
      return { url, error: reason(error) };
    }
  }

  /** Sends one of the transaction's notifications to each of its URLs, after those sent before. */
  return function send(tx: Transaction, notification: Notification): Promise<Delivery[]> {
    const previous = queues.get(tx) ?? Promise.resolve();
    const delivered = previous.then(() => Promise.all(tx.notificationUrls.map((url) => post(url, notification))));
    queues.set(tx, delivered.catch(() => undefined));
    return delivered;
  };
}

/** fetch's own message is only "fetch failed"; the cause says why (refused, timed out). */
const reason = (error: unknown) => (error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error));

export type Notifier = ReturnType<typeof createNotifier>;

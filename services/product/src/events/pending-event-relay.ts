// Publishes the events waiting in product documents, then removes each from its document.
//
// Why no event is lost: a write stores its event inside the product document it changes,
// in the same single-document update (atomic on MongoDB and on FerretDB alike). If the
// process dies right after the write, the event is still in the document, and the sweep
// (every EVENT_SWEEP_MS, and at start-up) publishes it. An event is removed only after the
// sidecar has accepted it, so a crash between the two publishes it again with the same
// CloudEvent id, which consumers absorb. Removal is `$pull` of the exact subdocument read
// (FerretDB ignores a `$pull` by partial condition; an exact one works on both servers).
// Order: one product's events are published in version order, one at a time, and a failed
// publish stops that product's turn, so a later version never overtakes an earlier one.
// (With several instances, two relays may publish one event twice: duplicates, not reorders
// of a product's events, because each publishes in version order from the same document.)
import type { Logger, Publish } from '@pos/platform';
import type { Collection } from 'mongodb';
import type { ProductDocument } from '../store/mongo.ts';
import { PRODUCTS_TOPIC } from './product-events.ts';

export interface PendingEventRelay {
  /** Look now (after a write), rather than at the next sweep. */
  kick: () => void;
  stop: () => Promise<void>;
}

export function startPendingEventRelay(options: {
  products: Collection<ProductDocument>; publish: Publish; log: Logger; sweepEveryMs: number;
}): PendingEventRelay {
  const { products, publish, log } = options;
  let running: Promise<void> | undefined;
  let again = false;

  async function relayProduct(document: ProductDocument): Promise<void> {
    for (const event of [...document.pendingEvents].sort((a, b) => a.version - b.version)) {
      await publish(PRODUCTS_TOPIC, {
        id: event.id, type: event.type, time: event.occurredAt, partitionKey: document._id, data: { product: event.product },
      });
      await products.updateOne({ _id: document._id }, { $pull: { pendingEvents: event } });
    }
  }

  async function sweep(): Promise<void> {
    const waiting = await products.find({ 'pendingEvents.id': { $exists: true } }).limit(100).toArray();
    for (const document of waiting) {
      await relayProduct(document).catch((error: unknown) => log.warn({ err: error, productId: document._id }, 'product event not relayed yet'));
    }
  }

  const kick = (): void => {
    if (running) { again = true; return; }
    running = (async () => {
      do {
        again = false;
        await sweep().catch((error: unknown) => log.warn({ err: error }, 'pending event sweep failed'));
      } while (again);
      running = undefined;
    })();
  };

  kick();
  const timer = setInterval(kick, options.sweepEveryMs);
  return {
    kick,
    stop: async () => { clearInterval(timer); await running; },
  };
}

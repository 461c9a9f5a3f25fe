// Publishes the events waiting in product documents, and records each published event's id
// in `published_events` (`_id` = event id). It never writes the product document.
//
// Why it never writes the product: FerretDB can lose one of two updates racing on one
// document. A relay that removed a published event from the product (`$pull`) while a PATCH
// wrote the same document could drop the PATCH's new event, or the change itself. Now the
// product document has one kind of writer, the versioned write, which drops the events
// already published when it writes the next version (store/product.store.ts argues why that
// drops nothing unpublished). The relay's own writes are inserts of fresh documents.
//
// Why no event is lost: a write stores its event inside the product document it changes, in
// the same single-document update (atomic on MongoDB and on FerretDB alike). If the process
// dies right after the write, the event is still there, and a sweep publishes it. An event is
// recorded as published only after the sidecar accepted it, so a crash between the two
// publishes it again with the same CloudEvent id, which consumers absorb.
// Order: within one process, a product's events are published in version order, one at a
// time, and a failed publish stops that product's turn (the loop in `relayProduct` throws).
// No test forces a failed publish, and two replicas sweeping at once may interleave, so
// consumers must still judge order by the event's product version, not by arrival.
//
// Finding the unpublished events without reading every product each time: every product
// keeps at least its latest event (published or not) until its next write, so "has pending
// events" selects nearly all products. After a write the relay looks at the most recently
// updated products (index on updatedAt); every EVENT_SWEEP_MS it also reads the next page of
// all products in id order, so events a crash left are found within one pass over the catalogue
// (products / SWEEP_PAGE sweeps). Each look costs one $in query on published_events per page.
import type { Logger, Publish } from '@pos/platform';
import type { Catalogue, ProductDocument } from '../store/mongo.ts';
import { isDuplicateKey } from '../store/mongo.ts';
import { publishedAmong } from '../store/product.store.ts';
import { PRODUCTS_TOPIC } from './product-events.ts';

const SWEEP_PAGE = 100;

export interface PendingEventRelay {
  /** Look now at the latest writes, rather than wait for the next sweep. */
  kick: () => void;
  stop: () => Promise<void>;
}

export function startPendingEventRelay(options: {
  catalogue: Catalogue; publish: Publish; log: Logger; sweepEveryMs: number;
}): PendingEventRelay {
  const { catalogue, publish, log } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let sweepAfterId = '';

  async function relayProduct(document: ProductDocument, published: Set<string>): Promise<void> {
    const waiting = document.pendingEvents.filter((event) => !published.has(event.id)).sort((a, b) => a.version - b.version);
    for (const event of waiting) {
      await publish(PRODUCTS_TOPIC, {
        id: event.id, type: event.type, time: event.occurredAt, partitionKey: document._id, data: { product: event.product },
      });
      await catalogue.publishedEvents.insertOne({ _id: event.id, productId: document._id, publishedAt: new Date() })
        .catch((error: unknown) => { if (!isDuplicateKey(error)) throw error; });
    }
  }

  async function relayAll(documents: ProductDocument[]): Promise<void> {
    const published = await publishedAmong(catalogue, documents.flatMap((document) => document.pendingEvents.map((event) => event.id)));
    for (const document of documents) {
      await relayProduct(document, published).catch((error: unknown) => log.warn({ err: error, productId: document._id }, 'product event not relayed yet'));
    }
  }

  const latestWrites = async () => relayAll(await catalogue.products.find({}).sort({ updatedAt: -1 }).limit(SWEEP_PAGE).toArray());

  async function nextSweepPage(): Promise<void> {
    const page = await catalogue.products.find(sweepAfterId ? { _id: { $gt: sweepAfterId } } : {}).sort({ _id: 1 }).limit(SWEEP_PAGE).toArray();
    sweepAfterId = page.length === SWEEP_PAGE ? (page.at(-1)?._id ?? '') : '';
    await relayAll(page);
  }

  const run = (look: () => Promise<void>): void => {
    if (running) { again = true; return; }
    running = (async () => {
      do {
        again = false;
        await look().catch((error: unknown) => log.warn({ err: error }, 'pending event look-up failed'));
      } while (again);
      running = undefined;
    })();
  };
  const kick = () => run(latestWrites);

  kick();
  const timer = setInterval(() => run(async () => { await latestWrites(); await nextSweepPage(); }), options.sweepEveryMs);
  return {
    kick,
    stop: async () => { clearInterval(timer); await running; },
  };
}

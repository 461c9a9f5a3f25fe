// Publishes the events waiting in product documents, and records each published event's id
// in `published_events` (`_id` = event id). It never writes the product document.
//
// Why it never writes the product: FerretDB can lose one of two updates racing on one
// document. A relay that removed a published event from the product (`$pull`) while a PATCH
// wrote the same document could drop the PATCH's new event, or the change itself. Now the
// product document has one kind of writer, the versioned write, which drops the events
// already published when it writes the next version (store/product.store.ts argues why that
// drops nothing unpublished). The relay's own writes are inserts of fresh documents and
// deletes of its notes.
//
// Why no event is lost: a write stores its event inside the product document it changes, in
// the same single-document update (atomic on MongoDB and on FerretDB alike). Just before, it
// notes the event's id in `unrelayed_events`. If the process dies right after the write, the
// note is still there, and the next pass (every EVENT_SWEEP_MS, in any replica) reads the
// product and publishes the event. A note goes only once its event is recorded as published,
// or when its write never happened: the event is in neither the product nor
// `published_events` after UNRELAYED_LEASE_MS, while a write starts within half of that from
// its note. An event is recorded as published only after the sidecar accepted it, so a crash
// between the two publishes it again with the same CloudEvent id, which consumers absorb.
//
// Why notes rather than a look at the products: FerretDB sorts and filters a collection by
// reading all of it, so finding pending events among the products cost a full read of the
// catalogue every pass. The notes stay few (only events not yet relayed), and every other
// query here goes by `_id` or one field's equality.
//
// Order: within one process, products are relayed one at a time and a product's events in
// version order, and a failed publish stops that product's turn (the loop in `relayProduct`
// throws). No test forces a failed publish, and two replicas relaying at once may interleave,
// so consumers must still judge order by the event's product version, not by arrival.
import type { Logger, Publish } from '@pos/platform';
import type { Catalogue, UnrelayedEventDocument } from '../store/mongo.ts';
import { isDuplicateKey } from '../store/mongo.ts';
import { publishedAmong, UNRELAYED_LEASE_MS } from '../store/product.store.ts';
import { PRODUCTS_TOPIC } from './product-events.ts';

/** Notes read per pass; the rest wait for the next. */
const NOTES_PER_PASS = 500;

export interface PendingEventRelay {
  /** A write has just left an event in this product: relay it now, not at the next pass. */
  kick: (productId: string) => void;
  stop: () => Promise<void>;
}

export function startPendingEventRelay(options: {
  catalogue: Catalogue; publish: Publish; log: Logger; sweepEveryMs: number;
}): PendingEventRelay {
  const { catalogue, publish, log } = options;
  const kicked = new Set<string>();
  let passWanted = true;
  let running: Promise<void> | undefined;

  async function relayProduct(productId: string, notes: UnrelayedEventDocument[]): Promise<void> {
    const pending = (await catalogue.products.findOne({ _id: productId }, { projection: { pendingEvents: 1 } }))?.pendingEvents ?? [];
    const published = await publishedAmong(catalogue, [...new Set([...pending.map((event) => event.id), ...notes.map((note) => note._id)])]);
    const waiting = pending.filter((event) => !published.has(event.id)).sort((a, b) => a.version - b.version);
    for (const event of waiting) {
      await publish(PRODUCTS_TOPIC, {
        id: event.id, type: event.type, time: event.occurredAt, partitionKey: productId, data: { product: event.product },
      });
      await catalogue.publishedEvents.insertOne({ _id: event.id, productId, publishedAt: new Date() })
        .catch((error: unknown) => { if (!isDuplicateKey(error)) throw error; });
      published.add(event.id);
    }
    const now = Date.now();
    const done = notes.filter((note) => published.has(note._id)
      || (!pending.some((event) => event.id === note._id) && now - note.notedAt.getTime() > UNRELAYED_LEASE_MS));
    await Promise.all(done.map((note) => catalogue.unrelayedEvents.deleteOne({ _id: note._id })));
  }

  async function relayNotes(notes: UnrelayedEventDocument[]): Promise<void> {
    const byProduct = Map.groupBy(notes, (note) => note.productId);
    for (const [productId, ofProduct] of byProduct) {
      await relayProduct(productId, ofProduct).catch((error: unknown) => log.warn({ err: error, productId }, 'product event not relayed yet'));
    }
  }

  async function work(): Promise<void> {
    while (kicked.size > 0 || passWanted) {
      const [productId] = kicked;
      if (productId !== undefined) {
        kicked.delete(productId);
        await relayNotes(await catalogue.unrelayedEvents.find({ productId }).toArray());
      } else {
        passWanted = false;
        await relayNotes(await catalogue.unrelayedEvents.find({}).limit(NOTES_PER_PASS).toArray());
      }
    }
  }

  const run = (): void => {
    if (running) return;
    running = work()
      .catch((error: unknown) => log.warn({ err: error }, 'pending event look-up failed'))
      .finally(() => {
        running = undefined;
        if (kicked.size > 0) run(); // kicked while the loop was ending
      });
  };

  run();
  const timer = setInterval(() => { passWanted = true; run(); }, options.sweepEveryMs);
  return {
    kick: (productId) => { kicked.add(productId); run(); },
    stop: async () => { clearInterval(timer); await running; },
  };
}

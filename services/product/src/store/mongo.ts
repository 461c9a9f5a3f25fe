import { refuseUnlessTestDatabase } from '@pos/platform';
import { MongoClient, type Collection, type Db } from 'mongodb';
import type { Product } from '../domain/product.ts';
import type { PendingEvent } from '../events/product-events.ts';
import { createProductCache, type ProductCache } from './product-cache.ts';

/** How long a call waits for the store to be reachable before it is a 503. */
const SERVER_SELECTION_TIMEOUT_MS = 3000;
/** How often the driver checks the store: while it is away, how soon its return is seen. */
const HEARTBEAT_MS = 1000;

/** A product as stored: its id is the document's `_id`; events wait in it until relayed. */
export interface ProductDocument extends Omit<Product, 'id'> {
  _id: string;
  pendingEvents: PendingEvent[];
}

/** One document per unique key (`sku:…`, `barcode:…`, `plu:…`): the `_id` index is the only
 * unique index FerretDB enforces on every shape, so uniqueness rests on it. */
export interface ClaimDocument {
  _id: string;
  productId: string;
  claimedAt: Date;
}

/** An event the relay has published, by its id: the relay's only write, kept apart from the
 * product document so it never races a versioned write of the product (see the relay). */
export interface PublishedEventDocument {
  _id: string;
  productId: string;
  publishedAt: Date;
}

/** An event a write is about to leave in its product document, noted first in a small
 * collection of its own so the relay finds it without reading the catalogue (see the relay). */
export interface UnrelayedEventDocument {
  _id: string;
  productId: string;
  notedAt: Date;
}

export interface CategoryDocument {
  _id: string;
  name: string;
}

export interface Catalogue {
  products: Collection<ProductDocument>;
  claims: Collection<ClaimDocument>;
  categories: Collection<CategoryDocument>;
  publishedEvents: Collection<PublishedEventDocument>;
  unrelayedEvents: Collection<UnrelayedEventDocument>;
  /** GetProducts' recent reads; the product writes of this replica forget theirs. */
  productCache: ProductCache;
  /** False while the driver's last look found no server to read or write. */
  reachable: () => boolean;
}

/** Follows the driver's view of the store. While no server answers, calls fail at once (a 503,
 * gRPC UNAVAILABLE) rather than each waiting out server selection: the sidecar retries an
 * UNAVAILABLE product a few times, and those waits added up past order's 5 s deadline (CI saw
 * DEADLINE_EXCEEDED). */
function followReachability(client: MongoClient): () => boolean {
  let reachable = true;
  client.on('topologyDescriptionChanged', (event) => { reachable = event.newDescription.hasDataBearingServers; });
  return () => reachable;
}

/** Connects, and refuses a test run on a database that is not a test database. */
export async function openCatalogue(url: string, database: string, options: { test: boolean; productCacheMs: number }): Promise<{ client: MongoClient; catalogue: Catalogue }> {
  refuseUnlessTestDatabase(database, options.test);
  // An unreachable store must be a quick "try again" (503, gRPC UNAVAILABLE): the driver's 30 s
  // default outlasted order's gRPC deadline, which then heard DEADLINE_EXCEEDED (seen in CI).
  const client = new MongoClient(url, { ignoreUndefined: true, serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS, heartbeatFrequencyMS: HEARTBEAT_MS });
  const reachable = followReachability(client);
  await client.connect();
  const db: Db = client.db(database);
  const catalogue: Catalogue = {
    products: db.collection('products'), claims: db.collection('claims'), categories: db.collection('categories'), publishedEvents: db.collection('published_events'),
    unrelayedEvents: db.collection('unrelayed_events'), productCache: createProductCache(options.productCacheMs), reachable,
  };
  // Lookups only: none of these is unique (uniqueness lives in `claims`).
  await catalogue.products.createIndex({ 'units.barcode': 1 });
  await catalogue.products.createIndex({ plu: 1 });
  await catalogue.products.createIndex({ sku: 1 });
  await catalogue.products.createIndex({ categoryId: 1, name: 1 });
  await catalogue.unrelayedEvents.createIndex({ productId: 1 });
  return { client, catalogue };
}

/** Readiness: a read of the small notes collection, which FerretDB answers without reading the catalogue. */
export const catalogueAnswers = (catalogue: Catalogue) => async (): Promise<void> => {
  await catalogue.unrelayedEvents.findOne({}, { projection: { _id: 1 } });
};

export const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown })?.code === 11000;

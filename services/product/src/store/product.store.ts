// Products in MongoDB: every write is one single-document atomic operation that carries
// the product's pending event (see events/pending-event-relay.ts), noted just before in
// `unrelayed_events` so the relay finds it without reading the catalogue.
//
// Lookups go by `_id` or by one field's equality, one document per query: FerretDB filters those
// in SQLite, while a `$in`, a range or a sort makes it decode and filter every document of the
// collection itself (a `$in` of three ids took ~200 ms over a thousand products). Even by `_id`
// SQLite scans the table, so GetProducts' reads go through a short cache (product-cache.ts).
import { DependencyUnavailableError } from '@pos/platform';
import type { Filter } from 'mongodb';
import type { Product } from '../domain/product.ts';
import type { PendingEvent } from '../events/product-events.ts';
import type { Catalogue, ProductDocument } from './mongo.ts';

/** How long a noted event may wait for its write before the relay forgets it. A write starts
 * within half of this from its note, or is not made (`noteUnrelayed`). */
export const UNRELAYED_LEASE_MS = 60_000;

const toProduct = ({ _id, pendingEvents: _pending, ...rest }: ProductDocument): Product => ({ id: _id, ...rest });

/** Notes the event the next write will leave in the product, before that write. */
async function noteUnrelayed(catalogue: Catalogue, productId: string, event: PendingEvent): Promise<void> {
  const notedAt = new Date();
  await catalogue.unrelayedEvents.insertOne({ _id: event.id, productId, notedAt });
  if (Date.now() - notedAt.getTime() > UNRELAYED_LEASE_MS / 2) {
    throw new DependencyUnavailableError('catalogue store (too slow, try again)');
  }
}

/** The write did not happen: its note has nothing to point at. */
const forgetUnrelayed = (catalogue: Catalogue, event: PendingEvent) =>
  catalogue.unrelayedEvents.deleteOne({ _id: event.id }).catch(() => undefined);

export async function insertProduct(catalogue: Catalogue, product: Product, event: PendingEvent): Promise<void> {
  const { id, ...rest } = product;
  await noteUnrelayed(catalogue, id, event);
  try {
    await catalogue.products.insertOne({ _id: id, ...rest, pendingEvents: [event] });
    catalogue.productCache.forget(id);
  } catch (error) {
    await forgetUnrelayed(catalogue, event);
    throw error;
  }
}

/** Writes the next version only if the stored one is still `expectedVersion`; false if not.
 * The write also trims the events the relay has already published. Only versioned writes
 * change `pendingEvents` (the relay never writes the product), so the list read at
 * `expectedVersion` is the list stored while the version still matches, and setting it whole
 * drops nothing unpublished; a published id stays published, so trimming it loses nothing. */
export async function replaceProduct(catalogue: Catalogue, next: Product, expectedVersion: number, event: PendingEvent): Promise<boolean> {
  const { id, ...fields } = next;
  const stored = await catalogue.products.findOne({ _id: id, version: expectedVersion }, { projection: { pendingEvents: 1 } });
  if (!stored) return false;
  const published = await publishedAmong(catalogue, stored.pendingEvents.map((pending) => pending.id));
  const pendingEvents = [...stored.pendingEvents.filter((pending) => !published.has(pending.id)), event];
  const unset = next.plu === undefined ? { $unset: { plu: '' as const } } : {};
  await noteUnrelayed(catalogue, id, event);
  const result = await catalogue.products.updateOne({ _id: id, version: expectedVersion }, { $set: { ...fields, pendingEvents }, ...unset })
    .catch(async (error: unknown) => { await forgetUnrelayed(catalogue, event); throw error; });
  catalogue.productCache.forget(id);
  if (result.matchedCount !== 1) await forgetUnrelayed(catalogue, event);
  return result.matchedCount === 1;
}

/** Which of these event ids the relay has published. */
export async function publishedAmong(catalogue: Catalogue, eventIds: string[]): Promise<Set<string>> {
  const found = await Promise.all(eventIds.map((id) => catalogue.publishedEvents.findOne({ _id: id }, { projection: { _id: 1 } })));
  return new Set(found.flatMap((published) => (published ? [published._id] : [])));
}

export async function findProduct(catalogue: Catalogue, id: string): Promise<Product | undefined> {
  const document = await catalogue.products.findOne({ _id: id });
  return document ? toProduct(document) : undefined;
}

/** The products the checkout path trusts for prices, through the short cache. */
export async function findProducts(catalogue: Catalogue, ids: string[]): Promise<Product[]> {
  const products = await Promise.all(ids.map((id) => catalogue.productCache.get(id, () => findProduct(catalogue, id))));
  return products.flatMap((product) => (product ? [product] : []));
}

export async function findBySku(catalogue: Catalogue, sku: string): Promise<Product | undefined> {
  const document = await catalogue.products.findOne({ sku });
  return document ? toProduct(document) : undefined;
}

export async function findByBarcode(catalogue: Catalogue, barcode: string): Promise<Product | undefined> {
  const document = await catalogue.products.findOne({ 'units.barcode': barcode });
  return document ? toProduct(document) : undefined;
}

export async function findWeighedByPlu(catalogue: Catalogue, plu: string): Promise<Product | undefined> {
  const document = await catalogue.products.findOne({ plu, weighed: true });
  return document ? toProduct(document) : undefined;
}

export interface ProductFilter {
  categoryId?: string;
  active?: boolean;
  /** Name or SKU containing this, any case. */
  search?: string;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A page of products by name. */
export async function listProducts(catalogue: Catalogue, filter: ProductFilter, page: { limit: number; offset: number }): Promise<{ items: Product[]; total: number }> {
  const query: Filter<ProductDocument> = {};
  if (filter.categoryId) query.categoryId = filter.categoryId;
  if (filter.active !== undefined) query.active = filter.active;
  if (filter.search) {
    const pattern = { $regex: escapeRegex(filter.search), $options: 'i' };
    query.$or = [{ name: pattern }, { sku: pattern }];
  }
  const [documents, total] = await Promise.all([
    catalogue.products.find(query).sort({ name: 1, _id: 1 }).skip(page.offset).limit(page.limit).toArray(),
    catalogue.products.countDocuments(query),
  ]);
  return { items: documents.map(toProduct), total };
}

/** Products after an id, in id order: stable paging for rebuilding read models. (On FerretDB
 * each page reads the whole collection; a production MongoDB walks the `_id` index.) */
export async function productsAfter(catalogue: Catalogue, afterId: string, limit: number): Promise<Product[]> {
  const query = afterId ? { _id: { $gt: afterId } } : {};
  return (await catalogue.products.find(query).sort({ _id: 1 }).limit(limit).toArray()).map(toProduct);
}

// Products in MongoDB: every write is one single-document atomic operation that carries
// the product's pending event (see events/pending-event-relay.ts).
import type { Filter } from 'mongodb';
import type { Product } from '../domain/product.ts';
import type { PendingEvent } from '../events/product-events.ts';
import type { Catalogue, ProductDocument } from './mongo.ts';

const toProduct = ({ _id, pendingEvents: _pending, ...rest }: ProductDocument): Product => ({ id: _id, ...rest });

export async function insertProduct(catalogue: Catalogue, product: Product, event: PendingEvent): Promise<void> {
  const { id, ...rest } = product;
  await catalogue.products.insertOne({ _id: id, ...rest, pendingEvents: [event] });
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
  const result = await catalogue.products.updateOne({ _id: id, version: expectedVersion }, { $set: { ...fields, pendingEvents }, ...unset });
  return result.matchedCount === 1;
}

/** Which of these event ids the relay has published. */
export async function publishedAmong(catalogue: Catalogue, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const found = await catalogue.publishedEvents.find({ _id: { $in: eventIds } }, { projection: { _id: 1 } }).toArray();
  return new Set(found.map((published) => published._id));
}

export async function findProduct(catalogue: Catalogue, id: string): Promise<Product | undefined> {
  const document = await catalogue.products.findOne({ _id: id });
  return document ? toProduct(document) : undefined;
}

export async function findProducts(catalogue: Catalogue, ids: string[]): Promise<Product[]> {
  return (await catalogue.products.find({ _id: { $in: ids } }).toArray()).map(toProduct);
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

/** Products after an id, in id order: stable paging for rebuilding read models. */
export async function productsAfter(catalogue: Catalogue, afterId: string, limit: number): Promise<Product[]> {
  const query = afterId ? { _id: { $gt: afterId } } : {};
  return (await catalogue.products.find(query).sort({ _id: 1 }).limit(limit).toArray()).map(toProduct);
}

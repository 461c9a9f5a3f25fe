// The whole catalogue on the till: fed from product-query's snapshot and then its changes feed
// (GET /catalogue/changes), a page at a time, each page and the cursor after it in one
// transaction, so a reload goes on where it stopped. Search and scans read only IndexedDB.
import { signal } from '@preact/signals';
import { lookUpCode, type ScannedCode } from '../kit/code-lookup.ts';
import { decodeScaleLabel, DEFAULT_SCALE_PREFIXES } from '../kit/scale-label.ts';
import { call } from './api.ts';
import { db, readKv, type CatalogueProduct, type StoredProduct } from './db.ts';

export const productCount = signal(0);
/** True while the till reads the catalogue from the start (a new device): scans may not find yet. */
export const loadingSnapshot = signal(false);
export const lastSynced = signal<Date | undefined>(undefined);

const words = (text: string): string[] => [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''))];

function stored(product: CatalogueProduct): StoredProduct {
  const codes = [product.sku.toUpperCase(), ...(product.plu ? [product.plu] : []), ...product.units.flatMap((unit) => (unit.barcode ? [unit.barcode] : []))];
  return { ...product, codes, words: words(`${product.name} ${product.sku}`) };
}

/** Stores a page of the feed and the cursor after it, in one transaction. */
export async function savePage(products: CatalogueProduct[], next: string): Promise<void> {
  await db.transaction('rw', db.products, db.kv, async () => {
    const known = await db.products.bulkGet(products.map((product) => product.id));
    // A product may come again: the higher version wins.
    const newer = products.filter((product, index) => (known[index]?.productVersion ?? -1) <= product.productVersion);
    await db.products.bulkPut(newer.map(stored));
    await db.kv.put({ key: 'catalogueCursor', value: next });
  });
}

let syncing: Promise<void> | undefined;
/** Reads the feed to its end; one sync at a time. */
export function syncCatalogue(): Promise<void> {
  syncing ??= (async () => {
    loadingSnapshot.value = productCount.value === 0;
    try {
      for (;;) {
        const after = await readKv<string>('catalogueCursor');
        const page = await call<{ products: CatalogueProduct[]; next: string; more: boolean }>(
          'product-query', `/catalogue/changes?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        await savePage(page.products, page.next);
        if (loadingSnapshot.value) productCount.value = await db.products.count();
        if (!page.more) break;
      }
      lastSynced.value = new Date();
    } finally {
      productCount.value = await db.products.count();
      loadingSnapshot.value = false;
      syncing = undefined;
    }
  })();
  return syncing;
}

export async function countProducts(): Promise<void> {
  productCount.value = await db.products.count();
}

/** What a scanned code stands for (the kit's rule: a unit's barcode, then a scale label's PLU),
 * read from the products of IndexedDB that carry it; `inactive` for one no longer sold. */
export async function lookUpScan(code: string): Promise<ScannedCode<StoredProduct> | { kind: 'inactive'; product: StoredProduct }> {
  const label = decodeScaleLabel(code, DEFAULT_SCALE_PREFIXES);
  const carriers = await db.products.where('codes').anyOf([code, ...(label ? [label.plu] : [])]).toArray();
  const found = lookUpCode(code, {
    byBarcode: (barcode) => {
      for (const product of carriers) {
        const unit = product.units.find((candidate) => candidate.barcode === barcode);
        if (unit) return { product, unit: unit.name };
      }
      return undefined;
    },
    weighedByPlu: (plu) => carriers.find((product) => product.weighed && product.plu === plu),
  }, DEFAULT_SCALE_PREFIXES);
  return found.kind !== 'unknown' && found.kind !== 'misread' && !found.product.active ? { kind: 'inactive', product: found.product } : found;
}

/** A product whose SKU, PLU or a unit's barcode is exactly the text typed. */
async function byExactCode(text: string): Promise<StoredProduct | undefined> {
  const code = text.trim();
  if (code === '') return undefined;
  // One exact lookup per spelling (anyOf walks a cursor: ~4 ms on every key over 50,000 products).
  const found = await Promise.all([...new Set([code, code.toUpperCase()])].map((spelling) => db.products.where('codes').equals(spelling).toArray()));
  return found.flat().find((product) => product.active);
}

const startingWith = (word: string) => db.products.where('words').startsWith(word);
const isMatch = (product: StoredProduct | undefined, typed: string[]): product is StoredProduct =>
  product !== undefined && product.active && typed.every((word) => product.words.some((own) => own.startsWith(word)));

// What the index costs in Chromium (50,000 products): a count ~1 ms, listing ids ~2 µs an id,
// reading products over a range (getAll) ~13 µs a product, by id (a get each) ~45 µs, and a
// cursor that filters ~250 µs a product it passes. The old search walked a cursor over the
// longest word's products: another word that few or none of them had cost up to 140 ms.
/** A word's ids are listed when they are no more than this (~12 ms)… */
const LISTED_AT_MOST = 6000;
/** …and listing them costs less than reading the rarest word's products would. */
const LIST_PER_READ = 6;
/** The rarest word's first products read: enough when the other words are common. */
const FIRST_READ = 100;

/** The first `limit` active products, in the index's order of the rarest word, with a word
 * starting with each typed word: counted first, then narrowed by their ids where that is
 * cheaper than reading the products, which are read only once narrowed. */
async function matching(typed: string[], limit: number): Promise<StoredProduct[]> {
  const counts = await Promise.all(typed.map((word) => startingWith(word).count()));
  const [rarest, ...others] = typed.map((word, index) => ({ word, count: counts[index] ?? 0 })).sort((a, b) => a.count - b.count);
  if (!rarest || rarest.count === 0) return [];
  const listed = others.filter(({ count }) => count <= Math.min(LISTED_AT_MOST, LIST_PER_READ * rarest.count));
  if (listed.length > 0) {
    const [own, ...narrowing] = await Promise.all([rarest, ...listed].map(async ({ word }) => new Set(await startingWith(word).primaryKeys())));
    const ids = [...(own ?? [])].filter((id) => narrowing.every((keys) => keys.has(id)));
    const found: StoredProduct[] = [];
    for (let from = 0; from < ids.length && found.length < limit; from += limit) {
      found.push(...(await db.products.bulkGet(ids.slice(from, from + limit))).filter((product) => isMatch(product, typed)));
    }
    return found.slice(0, limit);
  }
  // The other words are common (or none): the rarest word's first products likely hold enough.
  const read = async (count: number) => [...new Map((await startingWith(rarest.word).limit(count).toArray()).map((product) => [product.id, product])).values()]
    .filter((product) => isMatch(product, typed));
  const first = await read(FIRST_READ);
  return (first.length >= limit || rarest.count <= FIRST_READ ? first : await read(rarest.count)).slice(0, limit);
}

/** Search as you type: products whose name or SKU has words starting with each typed word. */
export async function searchProducts(text: string, limit = 20): Promise<StoredProduct[]> {
  const typed = words(text);
  if (typed.length === 0) return [];
  // One transaction for all the reads: one view of the catalogue, and no transaction per read.
  const [exact, candidates] = await db.transaction('r', db.products, () => Promise.all([byExactCode(text), matching(typed, limit)]));
  candidates.sort((a, b) => a.name.localeCompare(b.name));
  const unique = new Map<string, StoredProduct>();
  // A code typed whole comes first.
  for (const product of [...(exact ? [exact] : []), ...candidates]) unique.set(product.id, product);
  return [...unique.values()].slice(0, limit);
}

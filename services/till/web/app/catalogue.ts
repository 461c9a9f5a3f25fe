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

async function savePage(products: CatalogueProduct[], next: string): Promise<void> {
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
  return (await db.products.where('codes').anyOf([code, code.toUpperCase()]).toArray()).find((product) => product.active);
}

/** Search as you type: products whose name or SKU has words starting with each typed word. */
export async function searchProducts(text: string, limit = 20): Promise<StoredProduct[]> {
  const typed = words(text);
  const [first, ...rest] = typed.sort((a, b) => b.length - a.length);
  if (!first) return [];
  const exact = await byExactCode(text);
  const candidates = await db.products.where('words').startsWith(first).distinct().filter((product) => product.active
    && rest.every((word) => product.words.some((own) => own.startsWith(word)))).limit(limit).toArray();
  candidates.sort((a, b) => a.name.localeCompare(b.name));
  const unique = new Map<string, StoredProduct>();
  // A code typed whole comes first.
  for (const product of [...(exact ? [exact] : []), ...candidates]) unique.set(product.id, product);
  return [...unique.values()].slice(0, limit);
}

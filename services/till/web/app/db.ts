// The till's IndexedDB (Dexie): everything it must keep across reloads, crashes and days
// without a network. `kv` holds the single records (the device, the session, the cart, the
// receipt counter, the catalogue cursor, settings); `products` the whole catalogue;
// `sales` the sales made offline until the server has them.
import { Dexie, type EntityTable } from 'dexie';
import type { OfflineSale, OfflineSaleBody } from '../kit/outbox.ts';

export interface CatalogueUnit { name: string; barcode?: string; conversion: number; price: number }
export interface CatalogueProduct {
  id: string; sku: string; name: string; categoryId?: string; baseUnit: string; taxClass: 'standard' | 'luxury' | 'exempt';
  weighed: boolean; plu?: string; units: CatalogueUnit[]; active: boolean; productVersion: number; available: number;
}
/** A product as the till keeps it: with the codes it is found by and the words of its name. */
export interface StoredProduct extends CatalogueProduct { codes: string[]; words: string[] }

export type SaleState = 'waiting' | 'attention' | 'sent';
/** A sale made on the till, as recorded (the kit's, frozen) with its way to the server. */
export interface StoredSale extends OfflineSale {
  state: SaleState;
  /** The body of PUT /offline-sales/:id, made once when the sale was recorded. */
  body: OfflineSaleBody;
  cashier: string;
  attempts: number;
  nextAttemptAt: number;
  /** Why the server refused it for good (needs attention): its error code and message. */
  refusal?: { code: string; reason: string };
  sentAt?: string;
}

export interface KeyValue { key: string; value: unknown }

export type TillDb = Dexie & {
  kv: EntityTable<KeyValue, 'key'>;
  products: EntityTable<StoredProduct, 'id'>;
  sales: EntityTable<StoredSale, 'id'>;
};

export const db = new Dexie('till') as TillDb;
db.version(1).stores({ kv: 'key', products: 'id, *codes, *words', sales: 'id, state, receiptNumber' });

export async function readKv<T>(key: string): Promise<T | undefined> {
  return (await db.kv.get(key))?.value as T | undefined;
}
export async function writeKv(key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}

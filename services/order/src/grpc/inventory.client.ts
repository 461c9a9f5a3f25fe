// The inventory app's reservations, called through our sidecar, keyed by the order id.
// Each call is idempotent there, so a retried step never moves stock twice.
import { ConflictError, loadService, RemoteCallError, sidecarClient, UnprocessableError } from '@pos/platform';
import type { CatalogueProduct } from '../domain/pricing.ts';
import type { InventoryDefinition, Shortage } from './contract.ts';

const InventoryService = loadService<InventoryDefinition>('pos/inventory/v1/inventory.proto', 'pos.inventory.v1.Inventory');

export interface Inventory {
  /** Holds every line or none; a shortage is a 409 naming each product short. Answers the
   * reservation's status: 'held', unless an earlier Reserve of this order id has since ended. */
  reserve(orderId: string, lines: { productId: string; quantity: number }[], ttlSeconds: number, names: ReadonlyMap<string, CatalogueProduct>): Promise<string>;
  commit(orderId: string): Promise<void>;
  /** The stock of a sale a till made offline, deducted after the fact (even below zero); answers
   * the products it left oversold. */
  recordSale(orderId: string, lines: { productId: string; quantity: number }[], sale: { receiptNumber: string; soldAt: Date }): Promise<string[]>;
  release(orderId: string): Promise<void>;
  /** Goods brought back: on hand up by each line, the damaged ones written off (idempotent per return id). */
  recordReturn(returnId: string, orderId: string, lines: { productId: string; quantity: number; damaged: boolean }[], receiptNumber: string): Promise<void>;
  close(): void;
}

export function inventoryClient(): Inventory {
  const client = sidecarClient(InventoryService, 'inventory');
  return {
    async reserve(orderId, lines, ttlSeconds, names) {
      try {
        return (await client.call('Reserve', { orderId, lines, ttlSeconds })).reservation?.status ?? '';
      } catch (error) {
        throw translated(error, orderId, names);
      }
    },
    async commit(orderId) {
      await client.call('Commit', { orderId });
    },
    async recordSale(orderId, lines, sale) {
      try {
        const reply = await client.call('RecordSale', { orderId, lines, receiptNumber: sale.receiptNumber, soldAt: sale.soldAt.toISOString() });
        return reply.oversoldProductIds;
      } catch (error) {
        throw recordSaleFailure(error, orderId);
      }
    },
    async release(orderId) {
      await client.call('Release', { orderId });
    },
    async recordReturn(returnId, orderId, lines, receiptNumber) {
      await client.call('RecordReturn', { returnId, orderId, lines, receiptNumber });
    },
    close: () => client.close(),
  };
}

/** Release's refusal when no units are held for the order: it has no reservation, or one that
 * was refused or has ended (committed, released). */
export const nothingHeld = (error: unknown): boolean => error instanceof RemoteCallError
  && (error.remoteCode === 'INVENTORY.NO_RESERVATION' || error.remoteCode.startsWith('INVENTORY.RESERVATION_'));

/** A product inventory does not know is no refusal for good: it learns products from their
 * events, a moment after the catalogue. So it becomes a plain failure, which the saga retries
 * (a callee's not_found would park the step). */
export function recordSaleFailure(error: unknown, orderId: string): unknown {
  if (error instanceof RemoteCallError && error.remoteCode === 'INVENTORY.PRODUCT_UNKNOWN') {
    return new Error(`inventory does not know every product of order ${orderId} yet`, { cause: error });
  }
  return error;
}

function translated(error: unknown, orderId: string, names: ReadonlyMap<string, CatalogueProduct>): unknown {
  if (!(error instanceof RemoteCallError)) return error;
  if (error.remoteCode === 'INVENTORY.SHORTAGE') {
    const shortages = ((error.remoteDetails as { shortages?: Shortage[] } | undefined)?.shortages ?? [])
      .map((s) => ({ productId: s.productId, name: names.get(s.productId)?.name ?? '', requested: s.requested, available: s.available, short: s.short }));
    return new ConflictError('ORDER.OUT_OF_STOCK', `not enough stock: ${shortages.map((s) => `${s.name || s.productId} short by ${s.short}`).join(', ')}`, { shortages });
  }
  if (error.remoteCode === 'INVENTORY.PRODUCT_UNKNOWN') {
    return new ConflictError('ORDER.NO_STOCK_ITEM', 'inventory does not know some products yet', { productIds: (error.remoteDetails as { productIds?: string[] } | undefined)?.productIds ?? [] });
  }
  if (error.remoteCode === 'INVENTORY.ORDER_ID_REUSED') {
    return new UnprocessableError('ORDER.ID_REUSED', `order ${orderId} was checked out with other lines`, { orderId });
  }
  return error;
}

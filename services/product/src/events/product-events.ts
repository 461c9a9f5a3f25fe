// The events the catalogue publishes: topic pos.products, the whole product at its version,
// partition key = product id so one product's events stay in order. Inventory and
// product-query consume them; this contract is fixed.
import { randomUUID } from 'node:crypto';
import type { Product } from '../domain/product.ts';

export const PRODUCTS_TOPIC = 'pos.products';

export const PRODUCT_EVENT_TYPES = {
  created: 'pos.product.created.v1',
  updated: 'pos.product.updated.v1',
  deactivated: 'pos.product.deactivated.v1',
} as const;
export type ProductChange = keyof typeof PRODUCT_EVENT_TYPES;

/** An event kept in its product's document until the relay has published it. */
export interface PendingEvent {
  /** The CloudEvent id: the same on every retry, so consumers absorb a second delivery. */
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  product: Product;
}

export const pendingEvent = (change: ProductChange, product: Product): PendingEvent => ({
  id: randomUUID(), type: PRODUCT_EVENT_TYPES[change], version: product.version, occurredAt: product.updatedAt, product,
});

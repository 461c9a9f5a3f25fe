// Carts (open tickets at a till) in the Dapr state store, with ETags and a TTL.
import { stateStore, type DaprClient, type StateEntry } from '@pos/platform';
import type { DiscountRequest } from '../domain/discounts.ts';

export interface CartLine {
  productId: string;
  unit?: string;
  quantity: number;
  discount?: DiscountRequest;
}

export interface Cart {
  id: string;
  ownerId: string;
  outletId: string;
  tillId: string;
  lines: CartLine[];
  /** On the whole cart, spread over its lines at checkout. */
  discount?: DiscountRequest;
  createdAt: string;
}

export interface CartStore {
  get(id: string): Promise<StateEntry<Cart> | undefined>;
  /** Refused (ConflictError STATE.CONFLICT) when the cart changed since `etag`, or, without
   * one, when it exists already. Returns the new ETag. */
  save(cart: Cart, etag: string | undefined): Promise<string>;
  delete(id: string, etag?: string): Promise<void>;
}

const key = (id: string) => `cart:${id}`;

export function cartStore(dapr: DaprClient, ttlSeconds: number): CartStore {
  const store = stateStore<Cart>(dapr);
  return {
    get: (id) => store.get(key(id)),
    async save(cart, etag) {
      await store.save(key(cart.id), cart, { ttlSeconds, ...(etag ? { etag } : { firstWrite: true }) });
      const saved = await store.get(key(cart.id));
      if (!saved) throw new Error(`cart ${cart.id} vanished after its save`);
      return saved.etag;
    },
    delete: (id, etag) => store.delete(key(id), etag ? { etag } : {}),
  };
}

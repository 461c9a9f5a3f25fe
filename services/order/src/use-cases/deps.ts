// What the use cases are given at start-up: clients made once and passed in.
import type { Pool } from '@pos/platform';
import type { Seller } from '../domain/order.ts';
import type { TaxRates } from '../domain/tax.ts';
import type { Catalogue } from '../grpc/catalogue.client.ts';
import type { Inventory } from '../grpc/inventory.client.ts';
import type { MidtransGateway } from '../payments/midtrans-gateway.ts';
import type { CartStore } from '../store/cart.store.ts';

export interface ShopSettings {
  /** How long an unpaid order waits before it expires. */
  orderTtlSeconds: number;
  /** Inventory holds the units this much longer than the order lives, so a payment at the last
   * second still finds its reservation when the Commit step runs. */
  reservationGraceSeconds: number;
  taxRates: TaxRates[];
  vatRegistered: boolean;
  seller: Seller;
  timeZone: string;
  cartTtlSeconds: number;
  /** Days after payment during which goods may be returned. */
  returnPeriodDays: number;
  /** A cashier's discounts beyond this percent need a manager's approval. */
  cashierDiscountLimitPercent: number;
  /** A shift's variance beyond this (Rupiah, either way) needs a manager's approval. */
  shiftVarianceThreshold: number;
}

export interface OrderDeps {
  pool: Pool;
  catalogue: Catalogue;
  inventory: Inventory;
  carts: CartStore;
  /** QRIS and Snap charges; the server key also checks notifications' signatures. */
  midtrans: { gateway: MidtransGateway; serverKey: string };
  settings: ShopSettings;
  /** Wakes the saga runner after a commit that added steps (it also runs on a timer). */
  kickSaga: () => void;
}

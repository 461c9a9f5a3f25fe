// A cart or a list of lines becomes an order in one step: priced by the catalogue, stock
// reserved under the order id, then the order, its lines and order.created in one transaction.
// A failure after the reservation releases it. Checkouts of one order id (a till's retry, an
// upload sent twice) take turns on a lock, held from before Reserve to the commit.
// The checkout's intent is recorded before Reserve and goes with the order's commit (or once
// nothing is held): a checkout that dies in between (the app killed) leaves it for the intents
// worker, which releases the units within a minute (abandoned-checkouts.ts).
// Discounts (the cart's, or the lines' and the command's) are priced in; beyond the cashier's
// limit they need an approval, checked in the order's transaction (discount-approval.ts).
import { createHash, randomUUID } from 'node:crypto';
import { addToOutbox, ConflictError, DependencyUnavailableError, NotFoundError, UnprocessableError, withTransaction, type Principal } from '@pos/platform';
import type { DiscountRequest } from '../domain/discounts.ts';
import { nothingHeld } from '../grpc/inventory.client.ts';
import type { Order } from '../domain/order.ts';
import { requireOwnerOrManager } from '../domain/policy.ts';
import { priceLines, stockLines, type CatalogueProduct, type RequestedLine } from '../domain/pricing.ts';
import { dayIn } from '../domain/shop-time.ts';
import { taxRuleFor } from '../domain/tax.ts';
import { orderCreated } from '../events/order-events.ts';
import { dropIntent, dropIntentsOf, lockCheckout, recordIntent } from '../store/checkout-intent.store.ts';
import { findOrder, insertOrder, nextReceiptSeq } from '../store/order.store.ts';
import { shiftAt } from '../store/shift.store.ts';
import type { OrderDeps } from './deps.ts';
import { approveDiscounts } from './discount-approval.ts';

export type CheckoutLine = RequestedLine | { barcode: string; quantity: number; discount?: DiscountRequest | undefined };

export interface CheckoutCommand {
  /** A UUID the till made; else derived from the Idempotency-Key; else a fresh one. */
  orderId?: string;
  idempotencyKey?: string;
  outletId: string;
  tillId: string;
  cartId?: string;
  lines?: CheckoutLine[];
  /** A discount on the whole order (with `lines`; a cart carries its own). */
  discount?: DiscountRequest | undefined;
  /** A manager's approval (X-Approval) of discounts beyond the cashier's limit. */
  approval?: string | undefined;
}

/** A key names one order per cashier: the same key from another cashier is another order. */
function orderIdOf(command: CheckoutCommand, principal: Principal): string {
  if (command.orderId) return command.orderId;
  if (!command.idempotencyKey) return randomUUID();
  const hex = createHash('sha256').update(`${principal.id}\u0000${command.idempotencyKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const hashOf = (command: CheckoutCommand): string => createHash('sha256')
  .update(JSON.stringify([command.outletId, command.tillId, command.cartId ?? null, command.lines ?? null, ...(command.discount ? [command.discount] : [])])).digest('hex');

/** The order a retry (or a second upload) of the same checkout asks for; another body is a 422. */
function sameCheckout(existing: Order & { requestHash: string }, requestHash: string, principal: Principal): Order {
  requireOwnerOrManager(principal, existing.cashierId, `order ${existing.id}`);
  if (existing.requestHash !== requestHash) {
    throw new UnprocessableError('ORDER.IDEMPOTENCY_MISMATCH', `order ${existing.id} was checked out with another request`, { orderId: existing.id });
  }
  return existing;
}

/** The lines to price and the order discount: the cart's, or the command's. */
async function requested(deps: OrderDeps, command: CheckoutCommand, principal: Principal): Promise<{ lines: RequestedLine[]; discount: DiscountRequest | undefined }> {
  if (command.cartId) {
    const cart = await deps.carts.get(command.cartId);
    if (!cart) throw new NotFoundError('ORDER.CART_NOT_FOUND', `no cart ${command.cartId}`);
    requireOwnerOrManager(principal, cart.value.ownerId, `cart ${command.cartId}`);
    if (cart.value.lines.length === 0) throw new UnprocessableError('ORDER.CART_EMPTY', 'the cart is empty', { cartId: command.cartId });
    return { lines: cart.value.lines, discount: cart.value.discount };
  }
  const lines = await Promise.all((command.lines ?? []).map(async (line) => {
    if (!('barcode' in line)) return line;
    const found = await deps.catalogue.lookupBarcode(line.barcode, line.quantity);
    return line.discount ? { ...found, discount: line.discount } : found;
  }));
  return { lines, discount: command.discount };
}

export async function checkout(deps: OrderDeps, command: CheckoutCommand, principal: Principal): Promise<{ order: Order; created: boolean }> {
  const orderId = orderIdOf(command, principal);
  const requestHash = hashOf(command);
  const existing = await findOrder(deps.pool, orderId);
  if (existing) return { order: sameCheckout(existing, requestHash, principal), created: false };

  const wanted = await requested(deps, command, principal);
  const products = await deps.catalogue.getProducts(wanted.lines.map((line) => line.productId));
  const now = new Date();
  const { settings } = deps;
  const taxRule = taxRuleFor(settings.taxRates, dayIn(now, settings.timeZone), settings.vatRegistered);
  const priced = priceLines(wanted.lines, products, taxRule, wanted.discount);
  const order: Order = {
    id: orderId, status: 'pending', outletId: command.outletId, tillId: command.tillId, receiptSeq: 0,
    cashierId: principal.id, cashierName: principal.name, total: priced.total, discount: priced.discount, taxes: priced.taxes, taxRule,
    seller: { ...settings.seller, npwp: settings.vatRegistered ? settings.seller.npwp : null },
    expiresAt: new Date(now.getTime() + settings.orderTtlSeconds * 1000), createdAt: now, paidAt: null, endedAt: null,
    lines: priced.lines, tenders: [],
  };
  const intent = await recordIntent(deps.pool, orderId);
  // Whether units may stay held that no order owns: then the intent stays, for the worker.
  let mayHoldUnits = false;
  try {
    const made = await withTransaction(deps.pool, async (tx) => {
      // One checkout per order id at a time: a racing retry waits here, then finds the order.
      await lockCheckout(tx, orderId);
      const raced = await findOrder(tx, orderId);
      if (raced) return { order: sameCheckout(raced, requestHash, principal), created: false };
      await approveDiscounts(tx, principal, order, command.approval, settings.cashierDiscountLimitPercent);
      mayHoldUnits = true;
      try {
        await reserve(deps, order, products);
      } catch (error) {
        // A refusal holds nothing; a call that got no answer may have held the units.
        mayHoldUnits = error instanceof DependencyUnavailableError && !(await givenBack(deps, orderId));
        throw error;
      }
      try {
        // Sold at a till with its shift open: the order is the shift's; else it has none (never refused for that).
        const shiftId = (await shiftAt(tx, principal.till?.id))?.id ?? null;
        const numbered = { ...order, shiftId, receiptSeq: await nextReceiptSeq(tx, order.outletId, order.tillId) };
        if (!(await insertOrder(tx, numbered, requestHash))) throw new Error(`order ${orderId} appeared while its checkout held the lock`);
        await addToOutbox(tx, [orderCreated(numbered)]);
        await dropIntentsOf(tx, orderId); // from the commit on, the order owns the reservation
        return { order: numbered, created: true };
      } catch (error) {
        // Still under the lock, so no retry has taken this reservation for its order.
        mayHoldUnits = !(await givenBack(deps, orderId));
        throw error; // the rollback takes the receipt number back: no gap
      }
    });
    if (made.created && command.cartId) await deps.carts.delete(command.cartId).catch(() => undefined); // the TTL removes a cart left behind
    return made;
  } finally {
    // After a commit that failed (the order may or may not be in), mayHoldUnits is still true.
    if (!mayHoldUnits) await dropIntent(deps.pool, intent).catch(() => undefined);
  }
}

/** Releases what a failed checkout may hold; false when that is not known to have happened. */
const givenBack = (deps: OrderDeps, orderId: string): Promise<boolean> =>
  deps.inventory.release(orderId).then(() => true, (error: unknown) => nothingHeld(error));

/** Holds the order's stock, or fails the checkout. */
async function reserve(deps: OrderDeps, order: Order, products: Map<string, CatalogueProduct>): Promise<void> {
  const { settings } = deps;
  const status = await deps.inventory.reserve(order.id, stockLines(order.lines), settings.orderTtlSeconds + settings.reservationGraceSeconds, products);
  // Inventory answers an order id the same way forever: one a failed checkout released is spent.
  if (status !== 'held') throw new ConflictError('ORDER.ID_SPENT', `order id ${order.id} was used by a checkout that failed; send a new one`, { orderId: order.id });
}

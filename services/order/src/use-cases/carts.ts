// Carts: open tickets at a till, owned by the cashier who opened them. Every change names the
// ETag it read, so of two tills editing one cart at once one wins and the other gets a 409.
import { randomUUID } from 'node:crypto';
import { NotFoundError, type Principal } from '@pos/platform';
import { discountLines, type DiscountRequest } from '../domain/discounts.ts';
import { requireOwnerOrManager } from '../domain/policy.ts';
import { priceLines, type PricedOrder } from '../domain/pricing.ts';
import { dayIn } from '../domain/shop-time.ts';
import { taxRuleFor } from '../domain/tax.ts';
import type { Cart, CartLine } from '../store/cart.store.ts';
import type { OrderDeps } from './deps.ts';

export interface CartWithEtag {
  cart: Cart;
  etag: string;
}

export async function openCart(deps: OrderDeps, place: { outletId: string; tillId: string }, principal: Principal): Promise<CartWithEtag> {
  const cart: Cart = { id: randomUUID(), ownerId: principal.id, ...place, lines: [], createdAt: new Date().toISOString() };
  return { cart, etag: await deps.carts.save(cart, undefined) };
}

export async function cartFor(deps: OrderDeps, id: string, principal: Principal): Promise<CartWithEtag> {
  const entry = await deps.carts.get(id);
  if (!entry) throw new NotFoundError('ORDER.CART_NOT_FOUND', `no cart ${id}`);
  requireOwnerOrManager(principal, entry.value.ownerId, `cart ${id}`);
  return { cart: entry.value, etag: entry.etag };
}

/** Sets one product's line (quantity 0 removes it), if the cart is still as the caller saw it (`etag`). */
export async function setCartLine(deps: OrderDeps, id: string, etag: string, line: CartLine, principal: Principal): Promise<CartWithEtag> {
  const { cart } = await cartFor(deps, id, principal);
  const others = cart.lines.filter((existing) => existing.productId !== line.productId);
  const changed: Cart = { ...cart, lines: line.quantity === 0 ? others : [...others, line] };
  await priceCart(deps, changed); // an unknown product or unit is refused before it is kept
  return { cart: changed, etag: await deps.carts.save(changed, etag) };
}

/** Sets (or, with undefined, removes) the discount on the whole cart, if the cart is as the caller saw it. */
export async function setCartDiscount(deps: OrderDeps, id: string, etag: string, discount: DiscountRequest | undefined, principal: Principal): Promise<CartWithEtag> {
  const { cart } = await cartFor(deps, id, principal);
  const changed: Cart = { ...cart, discount };
  if (!discount) delete changed.discount;
  await priceCart(deps, changed); // a discount beyond the cart's total is refused before it is kept
  return { cart: changed, etag: await deps.carts.save(changed, etag) };
}

export async function discardCart(deps: OrderDeps, id: string, etag: string | undefined, principal: Principal): Promise<void> {
  await cartFor(deps, id, principal);
  await deps.carts.delete(id, etag);
}

/** The cart's lines priced now by the catalogue, with its totals and taxes. */
export async function priceCart(deps: OrderDeps, cart: Cart): Promise<PricedOrder> {
  if (cart.lines.length === 0) {
    if (cart.discount) discountLines([], cart.discount); // its bounds hold on an empty cart too
    return { lines: [], discount: null, total: 0, taxes: [] };
  }
  const products = await deps.catalogue.getProducts(cart.lines.map((line) => line.productId));
  const { settings } = deps;
  return priceLines(cart.lines, products, taxRuleFor(settings.taxRates, dayIn(new Date(), settings.timeZone), settings.vatRegistered), cart.discount);
}

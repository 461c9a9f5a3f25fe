// Carts over HTTP. The ETag header carries the cart's state-store ETag; a change must send it back in If-Match.
import { securedRoute, ValidationError, z, type AnyRoute } from '@pos/platform';
import type Koa from 'koa';
import { maySell } from '../domain/policy.ts';
import { beyondLimit } from '../domain/discounts.ts';
import { cartFor, discardCart, openCart, priceCart, setCartDiscount, setCartLine, type CartWithEtag } from '../use-cases/carts.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { discountBody } from './discount.schema.ts';
import { discountView } from './order.views.ts';

const cartId = z.object({ id: z.uuid() });
const cartView = z.object({
  id: z.string(), ownerId: z.string(), outletId: z.string(), tillId: z.string(), createdAt: z.string(),
  lines: z.array(z.object({ productId: z.string(), unit: z.string().optional(), quantity: z.number(), discount: z.record(z.string(), z.unknown()).optional() })),
  discount: z.record(z.string(), z.unknown()).optional().describe('on the whole cart, as given'),
  total: z.number(), orderDiscount: discountView.nullable().describe('the cart discount priced now'),
  beyondLimit: z.object({ action: z.enum(['discount', 'price-override']), amount: z.number() }).nullable()
    .describe('the approval a cashier\'s checkout of this cart needs (X-Approval), if its discounts go beyond the cashier limit'),
  taxes: z.array(z.object({ taxClass: z.string(), base: z.number(), tax: z.number(), gross: z.number() })),
  priced: z.array(z.record(z.string(), z.unknown())),
});
const errors = { 400: { description: 'invalid request' }, 401: { description: 'no valid token' }, 403: { description: 'another cashier\'s cart' }, 404: { description: 'no such cart' } };

function ifMatch(ctx: Koa.Context, required: boolean): string | undefined {
  const etag = ctx.get('if-match').replace(/^W\//, '').replace(/^"|"$/g, '');
  if (!etag && required) throw new ValidationError('If-Match with the cart\'s ETag is required', { header: 'If-Match' }, 'ORDER.ETAG_REQUIRED');
  return etag || undefined;
}

async function shaped(deps: OrderDeps, ctx: Koa.Context, { cart, etag }: CartWithEtag) {
  ctx.set('ETag', `"${etag}"`);
  const priced = await priceCart(deps, cart);
  const beyond = beyondLimit(priced.lines, deps.settings.cashierDiscountLimitPercent);
  return { ...cart, total: priced.total, orderDiscount: priced.discount, beyondLimit: beyond, taxes: priced.taxes, priced: priced.lines };
}

export function cartRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/carts', summary: 'Opens a cart at a till for the calling cashier', roles: maySell,
      body: z.object({ outletId: z.string().trim().min(1).max(50), tillId: z.string().trim().min(1).max(50) }).strict(),
      responses: { 201: { description: 'the empty cart; ETag header', schema: cartView }, ...errors },
      handle: async ({ body, principal, ctx }) => ({ status: 201, body: await shaped(deps, ctx, await openCart(deps, body, principal)) }),
    }),
    securedRoute({
      method: 'get', path: '/carts/:id', summary: 'A cart with its lines priced now; ETag header', roles: maySell, params: cartId,
      responses: { 200: { description: 'the cart', schema: cartView }, ...errors },
      handle: async ({ params, principal, ctx }) => ({ body: await shaped(deps, ctx, await cartFor(deps, params.id, principal)) }),
    }),
    securedRoute({
      method: 'put', path: '/carts/:id/lines/:productId', summary: 'Sets one product\'s line (quantity 0 removes it); If-Match required',
      roles: maySell, params: z.object({ id: z.uuid(), productId: z.string().trim().min(1).max(100) }),
      body: z.object({ unit: z.string().trim().min(1).max(50).optional(), quantity: z.number().int().min(0).max(100_000), discount: discountBody.optional() }).strict(),
      responses: {
        200: { description: 'the cart; new ETag header', schema: cartView }, ...errors, 409: { description: 'the cart changed since that ETag' },
        422: { description: 'an unknown product; a discount beyond the line, or leaving the cart\'s discount beyond its total (ORDER.DISCOUNT_INVALID)' },
      },
      handle: async ({ params, body, principal, ctx }) => {
        const line = { productId: params.productId, quantity: body.quantity, ...(body.unit && { unit: body.unit }), ...(body.discount && { discount: body.discount }) };
        return { body: await shaped(deps, ctx, await setCartLine(deps, params.id, ifMatch(ctx, true) ?? '', line, principal)) };
      },
    }),
    securedRoute({
      method: 'put', path: '/carts/:id/discount', summary: 'Sets the discount on the whole cart (a percent or an amount), spread over its lines at checkout; If-Match required',
      roles: maySell, params: cartId, body: discountBody,
      responses: { 200: { description: 'the cart; new ETag header', schema: cartView }, ...errors, 409: { description: 'the cart changed since that ETag' }, 422: { description: 'more than the cart\'s total (ORDER.DISCOUNT_INVALID)' } },
      handle: async ({ params, body, principal, ctx }) => ({ body: await shaped(deps, ctx, await setCartDiscount(deps, params.id, ifMatch(ctx, true) ?? '', body, principal)) }),
    }),
    securedRoute({
      method: 'delete', path: '/carts/:id/discount', summary: 'Removes the discount on the whole cart; If-Match required', roles: maySell, params: cartId,
      responses: { 200: { description: 'the cart; new ETag header', schema: cartView }, ...errors, 409: { description: 'the cart changed since that ETag' } },
      handle: async ({ params, principal, ctx }) => ({ body: await shaped(deps, ctx, await setCartDiscount(deps, params.id, ifMatch(ctx, true) ?? '', undefined, principal)) }),
    }),
    securedRoute({
      method: 'delete', path: '/carts/:id', summary: 'Discards a cart (If-Match optional)', roles: maySell, params: cartId,
      responses: { 204: { description: 'discarded' }, ...errors, 409: { description: 'the cart changed since that ETag' } },
      handle: async ({ params, principal, ctx }) => {
        await discardCart(deps, params.id, ifMatch(ctx, false), principal);
        return { status: 204 };
      },
    }),
  ];
}

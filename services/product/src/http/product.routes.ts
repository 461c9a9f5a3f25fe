import { securedRoute, ValidationError, z, type AnyRoute } from '@pos/platform';
import type Koa from 'koa';
import { catalogueReaders, catalogueWriters } from '../domain/catalogue-policy.ts';
import type { Product } from '../domain/product.ts';
import { listProducts } from '../store/product.store.ts';
import { existingProduct, setActive, updateProduct } from '../use-cases/change-product.ts';
import { createProduct } from '../use-cases/create-product.ts';
import type { ProductServiceDeps } from '../use-cases/deps.ts';
import { product, productFields, productId, productPatch } from './schemas.ts';

/** The version an `If-Match: "7"` (or `7`) names; undefined without the header. */
function expectedVersion(ctx: Koa.Context): number | undefined {
  const header = ctx.get('If-Match');
  if (!header) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new ValidationError('If-Match names a product version, e.g. "3"', { ifMatch: header }, 'PRODUCT.BAD_IF_MATCH');
  return Number(match[1]);
}

const withEtag = (ctx: Koa.Context, body: Product) => { ctx.set('ETag', `"${body.version}"`); return body; };
const conflict = { description: 'a unique key is taken, or the version is stale (details.currentVersion)' };

export function productRoutes(deps: ProductServiceDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/products', summary: 'Create a product', roles: catalogueWriters, body: productFields,
      responses: { 201: { description: 'created', schema: product }, 400: { description: 'a broken rule' }, 409: conflict },
      handle: async ({ ctx, body }) => ({ status: 201, body: withEtag(ctx, await createProduct(deps, { ...body, active: true })) }),
    }),
    securedRoute({
      method: 'get', path: '/products', summary: 'List products by name, with filters', roles: catalogueReaders,
      query: z.object({
        categoryId: z.string().optional(),
        active: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
        q: z.string().trim().min(1).max(100).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      responses: { 200: { description: 'a page', schema: z.object({ items: z.array(product), total: z.number(), limit: z.number(), offset: z.number() }) } },
      handle: async ({ query }) => ({
        body: { ...(await listProducts(deps.catalogue, { categoryId: query.categoryId, active: query.active, search: query.q }, query)), limit: query.limit, offset: query.offset },
      }),
    }),
    securedRoute({
      method: 'get', path: '/products/:id', summary: 'One product (ETag = its version)', roles: catalogueReaders, params: productId,
      responses: { 200: { description: 'the product', schema: product }, 404: { description: 'no such product' } },
      handle: async ({ ctx, params }) => ({ body: withEtag(ctx, await existingProduct(deps, params.id)) }),
    }),
    securedRoute({
      method: 'patch', path: '/products/:id', summary: 'Change the fields sent; If-Match: "<version>" is required', roles: catalogueWriters,
      params: productId, body: productPatch,
      responses: { 200: { description: 'the product', schema: product }, 409: conflict, 400: { description: 'no If-Match, or a broken rule' } },
      handle: async ({ ctx, params, body }) => {
        const version = expectedVersion(ctx);
        if (version === undefined) throw new ValidationError('send If-Match with the version you changed', undefined, 'PRODUCT.VERSION_REQUIRED');
        return { body: withEtag(ctx, await updateProduct(deps, params.id, body, version)) };
      },
    }),
    ...(['deactivate', 'reactivate'] as const).map((action) => securedRoute({
      method: 'post', path: `/products/:id/${action}`, summary: `${action} a product (If-Match optional)`, roles: catalogueWriters, params: productId,
      responses: { 200: { description: 'the product', schema: product }, 404: { description: 'no such product' }, 409: conflict },
      handle: async ({ ctx, params }) => ({ body: withEtag(ctx, await setActive(deps, params.id, action === 'reactivate', expectedVersion(ctx))) }),
    })),
  ];
}

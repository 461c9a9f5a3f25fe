// Stock for the back office and the tills: parse, one use case or query, shape the reply.
import { NotFoundError, securedRoute, z, type AnyRoute, type Pool } from '@pos/platform';
import { mayAdjustStock, mayReadStock, mayReviewStock } from '../domain/policy.ts';
import { available } from '../domain/stock.ts';
import { ledgerPage } from '../store/ledger.store.ts';
import { findStock, lowStock, oversoldStock, setReorderLevel, type StockItem } from '../store/stock.store.ts';
import { adjust } from '../use-cases/adjust-stock.ts';

const productId = z.object({ productId: z.string().min(1).max(100) });
const stock = z.object({
  productId: z.string(), sku: z.string(), name: z.string(), active: z.boolean(),
  onHand: z.number(), reserved: z.number(), available: z.number(), reorderLevel: z.number(), version: z.number(),
});
const page = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };
const shaped = (item: StockItem) => ({ ...item, available: available(item) });

async function oneItem(pool: Pool, id: string): Promise<StockItem> {
  const [item] = await findStock(pool, [id]);
  if (!item) throw new NotFoundError('INVENTORY.PRODUCT_UNKNOWN', `no product ${id} in inventory`);
  return item;
}

export function stockRoutes(pool: Pool): AnyRoute[] {
  return [
    securedRoute({
      method: 'get', path: '/stock', summary: 'Stock of several products (ids comma-separated); unknown ids are left out', roles: mayReadStock,
      query: z.object({ ids: z.string().min(1).transform((ids) => ids.split(',').filter(Boolean)).pipe(z.array(z.string()).min(1).max(200)) }),
      responses: { 200: { description: 'the stock', schema: z.object({ items: z.array(stock) }) } },
      handle: async ({ query }) => ({ body: { items: (await findStock(pool, query.ids)).map(shaped) } }),
    }),
    securedRoute({
      method: 'get', path: '/stock/low', summary: 'Active products whose available stock is below their reorder level', roles: mayReadStock,
      query: z.object(page),
      responses: { 200: { description: 'emptiest first', schema: z.object({ items: z.array(stock) }) } },
      handle: async ({ query }) => ({ body: { items: (await lowStock(pool, query)).map(shaped) } }),
    }),
    securedRoute({
      method: 'get', path: '/stock/negative',
      summary: 'Oversold products: available stock below zero after sales a till made offline; the most oversold first', roles: mayReviewStock,
      query: z.object(page),
      responses: { 200: { description: 'the most oversold first', schema: z.object({ items: z.array(stock) }) }, 403: { description: 'not the back office' } },
      handle: async ({ query }) => ({ body: { items: (await oversoldStock(pool, query)).map(shaped) } }),
    }),
    securedRoute({
      method: 'get', path: '/stock/:productId', summary: 'Stock of one product', roles: mayReadStock, params: productId,
      responses: { 200: { description: 'the stock', schema: stock }, 404: { description: 'unknown product' } },
      handle: async ({ params }) => ({ body: shaped(await oneItem(pool, params.productId)) }),
    }),
    securedRoute({
      method: 'post', path: '/stock/:productId/adjustments', summary: 'Goods received, a count (absolute on hand), damage or loss',
      roles: mayAdjustStock, params: productId,
      body: z.object({ kind: z.enum(['received', 'count', 'damage', 'loss']), quantity: z.number().int().min(0).max(1_000_000), reason: z.string().trim().min(1).max(500) }),
      responses: {
        201: { description: 'adjusted', schema: z.object({ adjustmentId: z.string(), stock }) },
        404: { description: 'unknown product' }, 409: { description: 'on hand would fall below what is reserved' },
      },
      handle: async ({ params, body, principal }) => {
        const { adjustmentId } = await adjust(pool, { ...body, productId: params.productId, userId: principal.id });
        return { status: 201, body: { adjustmentId, stock: shaped(await oneItem(pool, params.productId)) } };
      },
    }),
    securedRoute({
      method: 'put', path: '/stock/:productId/reorder-level', summary: 'The level below which a product is listed as low', roles: mayAdjustStock,
      params: productId, body: z.object({ level: z.number().int().min(0).max(1_000_000) }),
      responses: { 204: { description: 'set' }, 404: { description: 'unknown product' } },
      handle: async ({ params, body }) => {
        if (!(await setReorderLevel(pool, params.productId, body.level))) throw new NotFoundError('INVENTORY.PRODUCT_UNKNOWN', `no product ${params.productId} in inventory`);
        return { status: 204 };
      },
    }),
    securedRoute({
      method: 'get', path: '/stock/:productId/ledger', summary: 'Every change of a product\'s stock, oldest first; page on with `after`', roles: mayReadStock,
      params: productId, query: z.object({ after: z.coerce.number().int().min(0).default(0), limit: page.limit }),
      responses: { 200: { description: 'a page; `next` is the `after` of the next page', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())), next: z.number().nullable() }) }, 404: { description: 'unknown product' } },
      handle: async ({ params, query }) => {
        await oneItem(pool, params.productId);
        const items = await ledgerPage(pool, params.productId, { afterSeq: query.after, limit: query.limit });
        return { body: { items, next: items.length === query.limit ? (items.at(-1)?.seq ?? null) : null } };
      },
    }),
  ];
}

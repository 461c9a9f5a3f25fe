// The till's offline catalogue: a snapshot a page at a time, then the changes since
// (store/catalogue.store.ts says why a position never skips one). Every role may read it.
import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { decodePosition, encodePosition } from '../domain/feed-position.ts';
import type { ProductIndex } from '../store/product-index.ts';
import { catalogueChanges } from '../store/catalogue.store.ts';

const cursor = z.string().max(1000).transform((text, ctx) => {
  const position = decodePosition(text);
  if (!position) ctx.addIssue({ code: 'custom', message: 'not a cursor this service gave (send back the `next` of an earlier answer)' });
  return position ?? z.NEVER;
});

const changesQuery = z.object({
  // An empty `after` is the same as none: from the start.
  after: z.preprocess((value) => (value === '' ? undefined : value), cursor.optional()),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

const unit = z.object({ name: z.string(), barcode: z.string().optional(), conversion: z.number(), price: z.number() });
const catalogueProduct = z.object({
  id: z.string(), sku: z.string(), name: z.string(), categoryId: z.string().optional(), baseUnit: z.string(),
  taxClass: z.enum(['standard', 'luxury', 'exempt']), weighed: z.boolean(), plu: z.string().optional(), units: z.array(unit),
  active: z.boolean(), productVersion: z.number(), available: z.number(),
});
const changesPage = z.object({ products: z.array(catalogueProduct), next: z.string(), more: z.boolean() });

export function catalogueRoutes(index: ProductIndex): AnyRoute[] {
  return [
    securedRoute({
      method: 'get', path: '/catalogue/changes', roles: 'any-role', query: changesQuery,
      summary: 'The catalogue for the till: products changed after the cursor (all of them without one), in the order they were indexed',
      responses: {
        200: { description: 'a page of products and the cursor to ask with next; more while the page was full', schema: changesPage },
        400: { description: 'a cursor this service did not give, or a limit outside 1..1000' }, 503: { description: 'Elasticsearch is unavailable' },
      },
      handle: async ({ query }) => {
        const changes = await catalogueChanges(index, query.after, query.limit);
        return { body: { products: changes.products, next: encodePosition(changes.next), more: changes.products.length === query.limit } };
      },
    }),
  ];
}

// Admin-only: rebuild the index from the sources while events keep flowing.
import { ConflictError, securedRoute, z, type AnyRoute } from '@pos/platform';
import { unlessDown, type ProductIndex } from '../store/product-index.ts';
import { rebuildIndex, type RebuildSources } from '../use-cases/rebuild-index.ts';

const report = z.object({ index: z.string(), products: z.number(), stock: z.number() });

export function adminRoutes(index: ProductIndex, sources: () => RebuildSources): AnyRoute[] {
  let running = false;
  return [
    securedRoute({
      method: 'post', path: '/admin/search-index/rebuild', roles: ['admin'],
      summary: 'Fill a new index from ListProducts and ListStock, swap the alias to it; answers when done',
      responses: {
        200: { description: 'the new index and what it was filled with', schema: report }, 409: { description: 'a rebuild is under way' },
        503: { description: 'Elasticsearch or a source is unreachable; the alias is left where it was' },
      },
      handle: async () => {
        // One at a time per process: two rebuilds would each swap the alias to half a fill.
        if (running) throw new ConflictError('SEARCH.REBUILD_RUNNING', 'a rebuild is under way');
        running = true;
        try {
          return { body: await unlessDown(() => rebuildIndex(index, sources())) };
        } finally {
          running = false;
        }
      },
    }),
  ];
}

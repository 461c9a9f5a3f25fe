import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { catalogueReaders, catalogueWriters } from '../domain/catalogue-policy.ts';
import { insertCategory, listCategories } from '../store/category.store.ts';
import type { ProductServiceDeps } from '../use-cases/deps.ts';
import { category } from './schemas.ts';

export function categoryRoutes(deps: ProductServiceDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/categories', summary: 'Create a category', roles: catalogueWriters, body: category,
      responses: { 201: { description: 'created', schema: category }, 409: { description: 'the id is taken' } },
      handle: async ({ body }) => ({ status: 201, body: await insertCategory(deps.catalogue, body) }),
    }),
    securedRoute({
      method: 'get', path: '/categories', summary: 'All categories, by name', roles: catalogueReaders,
      responses: { 200: { description: 'the categories', schema: z.array(category) } },
      handle: async () => ({ body: await listCategories(deps.catalogue) }),
    }),
  ];
}

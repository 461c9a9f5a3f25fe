import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { catalogueWriters } from '../domain/catalogue-policy.ts';
import type { ProductServiceDeps } from '../use-cases/deps.ts';
import { importProducts } from '../use-cases/import-products.ts';
import { IMPORT_MAX_ROWS, parseProductCsv } from './product-csv.ts';

export const IMPORT_MAX_BYTES = 1024 * 1024;

const report = z.object({
  created: z.number(), updated: z.number(), unchanged: z.number(),
  errors: z.array(z.object({ line: z.number(), sku: z.string().optional(), code: z.string(), reason: z.string() })),
});

export function productImportRoutes(deps: ProductServiceDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/products/import', roles: catalogueWriters,
      summary: `Create or update products from CSV, keyed by SKU (one row per unit; at most ${IMPORT_MAX_ROWS} rows and ${IMPORT_MAX_BYTES} bytes)`,
      textBody: { mediaType: 'text/csv', maxBytes: IMPORT_MAX_BYTES },
      body: z.string().trim().min(1, 'send a CSV file with a header row'),
      responses: {
        200: { description: 'what was created, updated and left unchanged, and every refused row with its line', schema: report },
        400: { description: 'an empty file, a bad header, unreadable CSV or too many rows' },
        413: { description: 'the file is too large' },
        415: { description: 'the body is not text/csv' },
      },
      handle: async ({ body }) => {
        const { rows, problems } = parseProductCsv(body);
        return { body: await importProducts(deps, rows, problems) };
      },
    }),
  ];
}

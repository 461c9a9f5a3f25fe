// The search API: parse, one query, shape the reply. Every role may search.
import { NotFoundError, securedRoute, z, type AnyRoute } from '@pos/platform';
import { checkSearchRequest, SORTS } from '../domain/search-request.ts';
import type { ProductIndex } from '../store/product-index.ts';
import { findByBarcode, findProduct, searchProducts } from '../store/search.store.ts';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const rupiah = z.coerce.number().int().min(0);

const searchQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  categoryId: z.string().min(1).optional(),
  inStock: flag.optional(),
  minPrice: rupiah.optional(),
  maxPrice: rupiah.optional(),
  includeInactive: flag.default(false),
  sort: z.enum(SORTS).default('relevance'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const unit = z.object({ name: z.string(), barcode: z.string().optional(), conversion: z.number(), price: z.number() });
const productView = z.object({
  id: z.string(), sku: z.string().optional(), name: z.string().optional(), description: z.string().optional(), categoryId: z.string().optional(),
  baseUnit: z.string().optional(), taxClass: z.string().optional(), weighed: z.boolean().optional(), plu: z.string().optional(), units: z.array(unit).optional(), price: z.number().optional(),
  active: z.boolean().optional(), productVersion: z.number(), onHand: z.number(), available: z.number(), stockVersion: z.number(),
});
const searchPage = z.object({ items: z.array(productView), total: z.number(), page: z.number(), pageSize: z.number() });
const barcodeHit = z.object({ product: productView, unit: z.string() });

const barcode = z.string().regex(/^\d{8,14}$/, 'digits only, 8 to 14 of them');
const unavailable = { description: 'Elasticsearch is unavailable' };

export function searchRoutes(index: ProductIndex): AnyRoute[] {
  return [
    securedRoute({
      method: 'get', path: '/products/search', roles: 'any-role', query: searchQuery,
      summary: 'Search products by name, SKU, barcode and description, with filters, sort and paging',
      responses: { 200: { description: 'a page of hits and the total', schema: searchPage }, 400: { description: 'bad filters, sort or page' }, 503: unavailable },
      handle: async ({ query }) => {
        checkSearchRequest(query);
        return { body: await searchProducts(index, query) };
      },
    }),
    securedRoute({
      method: 'get', path: '/products/barcodes/:code', roles: 'any-role', params: z.object({ code: barcode }),
      summary: 'The scanner path: the one active product selling a unit with this barcode',
      responses: { 200: { description: 'the product and the unit scanned', schema: barcodeHit }, 404: { description: 'no active product has it' }, 503: unavailable },
      handle: async ({ params }) => {
        const [hit] = await findByBarcode(index, params.code);
        const scanned = hit?.units?.find((candidate) => candidate.barcode === params.code);
        if (!hit || !scanned) throw new NotFoundError('SEARCH.BARCODE_UNKNOWN', `no active product has barcode ${params.code}`);
        return { body: { product: hit, unit: scanned.name } };
      },
    }),
    securedRoute({
      method: 'get', path: '/products/:id', roles: 'any-role', params: z.object({ id: z.string().min(1).max(100) }),
      summary: 'One product with its stock, inactive ones too',
      responses: { 200: { description: 'the product', schema: productView }, 404: { description: 'unknown product' }, 503: unavailable },
      handle: async ({ params }) => {
        const product = await findProduct(index, params.id);
        if (!product) throw new NotFoundError('SEARCH.PRODUCT_UNKNOWN', `no product ${params.id}`);
        return { body: product };
      },
    }),
  ];
}

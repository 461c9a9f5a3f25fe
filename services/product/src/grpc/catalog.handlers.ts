// The Catalog gRPC service: what the order service trusts for names, prices and barcodes.
import { loadService, z, type UnaryMethods } from '@pos/platform';
import type { Product as DomainProduct } from '../domain/product.ts';
import { findProducts, productsAfter } from '../store/product.store.ts';
import type { ProductServiceDeps } from '../use-cases/deps.ts';
import { storeAnswers } from '../store/store-errors.ts';
import { lookupBarcode } from '../use-cases/lookup-barcode.ts';
import type { CatalogDefinition, Product } from './contract.ts';

export const CatalogService = loadService<CatalogDefinition>('pos/catalog/v1/catalog.proto', 'pos.catalog.v1.Catalog');

const TAX_CLASS = { standard: 'TAX_CLASS_STANDARD', luxury: 'TAX_CLASS_LUXURY', exempt: 'TAX_CLASS_EXEMPT' } as const;

export const toMessage = (product: DomainProduct): Product => ({
  id: product.id, sku: product.sku, name: product.name, description: product.description, categoryId: product.categoryId,
  baseUnit: product.baseUnit, taxClass: TAX_CLASS[product.taxClass], weighed: product.weighed, plu: product.plu ?? '',
  units: product.units.map((unit) => ({ name: unit.name, barcode: unit.barcode ?? '', conversion: String(unit.conversion), price: String(unit.price) })),
  active: product.active, version: String(product.version), createdAt: product.createdAt, updatedAt: product.updatedAt,
});

const MAX_IDS = 500;
const getProductsRequest = z.object({ ids: z.array(z.string()).max(MAX_IDS, `at most ${MAX_IDS} ids per call`) });
const lookupBarcodeRequest = z.object({ code: z.string() });
const listProductsRequest = z.object({ pageSize: z.number().int().min(0).max(500), pageToken: z.string() });

/** Each request is validated by the platform against its schema before the handler runs; an
 * unreachable store answers UNAVAILABLE. */
export function catalogMethods(deps: ProductServiceDeps): UnaryMethods<CatalogDefinition> {
  return {
    GetProducts: {
      request: getProductsRequest,
      handle: (request) => storeAnswers(deps.catalogue, async () => {
        const ids = [...new Set(request.ids)];
        const found = new Map((await findProducts(deps.catalogue, ids)).map((product) => [product.id, product]));
        return {
          products: ids.flatMap((id) => { const product = found.get(id); return product ? [toMessage(product)] : []; }),
          unknownIds: ids.filter((id) => !found.has(id)),
        };
      }),
    },
    LookupBarcode: {
      request: lookupBarcodeRequest,
      handle: (request) => storeAnswers(deps.catalogue, async () => {
        const scan = await lookupBarcode(deps, request.code);
        return { product: toMessage(scan.product), unit: scan.unit, quantity: String(scan.quantity), price: String(scan.price), scaleLabel: scan.scaleLabel };
      }),
    },
    ListProducts: {
      request: listProductsRequest,
      handle: (request) => storeAnswers(deps.catalogue, async () => {
        const pageSize = request.pageSize === 0 ? 100 : request.pageSize;
        const products = await productsAfter(deps.catalogue, request.pageToken, pageSize);
        const last = products.at(-1);
        return { products: products.map(toMessage), nextPageToken: products.length === pageSize && last ? last.id : '' };
      }),
    },
  };
}

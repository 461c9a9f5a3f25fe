// The Catalog gRPC service: what the order service trusts for names, prices and barcodes.
import { ValidationError, type UnaryHandler } from '@pos/platform';
import type { Product as DomainProduct } from '../domain/product.ts';
import { findProducts, productsAfter } from '../store/product.store.ts';
import type { ProductServiceDeps } from '../use-cases/deps.ts';
import { lookupBarcode } from '../use-cases/lookup-barcode.ts';
import type * as contract from './contract.ts';

const TAX_CLASS = { standard: 'TAX_CLASS_STANDARD', luxury: 'TAX_CLASS_LUXURY', exempt: 'TAX_CLASS_EXEMPT' } as const;

export const toMessage = (product: DomainProduct): contract.Product => ({
  id: product.id, sku: product.sku, name: product.name, description: product.description, categoryId: product.categoryId,
  baseUnit: product.baseUnit, taxClass: TAX_CLASS[product.taxClass], weighed: product.weighed, plu: product.plu ?? '',
  units: product.units.map((unit) => ({ name: unit.name, barcode: unit.barcode ?? '', conversion: String(unit.conversion), price: String(unit.price) })),
  active: product.active, version: String(product.version), createdAt: product.createdAt, updatedAt: product.updatedAt,
});

const MAX_IDS = 500;

export function catalogHandlers(deps: ProductServiceDeps): Record<string, UnaryHandler> {
  return {
    getProducts: async (request: contract.GetProductsRequest): Promise<contract.GetProductsReply> => {
      const ids = [...new Set(request.ids)];
      if (ids.length > MAX_IDS) throw new ValidationError(`at most ${MAX_IDS} ids per call`);
      const found = new Map((await findProducts(deps.catalogue, ids)).map((product) => [product.id, product]));
      return {
        products: ids.flatMap((id) => { const product = found.get(id); return product ? [toMessage(product)] : []; }),
        unknownIds: ids.filter((id) => !found.has(id)),
      };
    },
    lookupBarcode: async (request: contract.LookupBarcodeRequest): Promise<contract.LookupBarcodeReply> => {
      const scan = await lookupBarcode(deps, request.code);
      return { product: toMessage(scan.product), unit: scan.unit, quantity: String(scan.quantity), price: String(scan.price), scaleLabel: scan.scaleLabel };
    },
    listProducts: async (request: contract.ListProductsRequest): Promise<contract.ListProductsReply> => {
      const pageSize = request.pageSize === 0 ? 100 : request.pageSize;
      if (pageSize < 1 || pageSize > 500) throw new ValidationError('page_size is 1 to 500');
      const products = await productsAfter(deps.catalogue, request.pageToken, pageSize);
      const last = products.at(-1);
      return { products: products.map(toMessage), nextPageToken: products.length === pageSize && last ? last.id : '' };
    },
  };
}

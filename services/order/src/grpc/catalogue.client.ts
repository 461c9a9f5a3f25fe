// The product app's Catalog, called through our sidecar: the only source of names, prices and
// tax classes (never the search index). Its answers are translated into what they mean here.
import { loadService, RemoteCallError, sidecarClient, UnprocessableError } from '@pos/platform';
import type { CatalogueProduct, RequestedLine } from '../domain/pricing.ts';
import type { TaxClass } from '../domain/tax.ts';
import type { CatalogDefinition, Product } from './contract.ts';

const Catalog = loadService<CatalogDefinition>('pos/catalog/v1/catalog.proto', 'pos.catalog.v1.Catalog');

const taxClasses: Record<string, TaxClass> = { TAX_CLASS_STANDARD: 'standard', TAX_CLASS_LUXURY: 'luxury', TAX_CLASS_EXEMPT: 'exempt' };

function asCatalogueProduct(product: Product): CatalogueProduct {
  return {
    id: product.id, sku: product.sku, name: product.name, active: product.active, weighed: product.weighed,
    // An unspecified class is taxed as ordinary goods, never left untaxed by accident.
    taxClass: taxClasses[product.taxClass] ?? 'standard',
    units: product.units.map((unit) => ({ name: unit.name, conversion: Number(unit.conversion), price: Number(unit.price) })),
  };
}

export interface Catalogue {
  /** The products the catalogue knows, by id; unknown ids are absent. */
  getProducts(ids: readonly string[]): Promise<Map<string, CatalogueProduct>>;
  /** A scanned code as a line to sell: its product, unit and quantity (a scale label: its weight and price). */
  lookupBarcode(code: string, quantity: number): Promise<RequestedLine>;
  close(): void;
}

export function catalogueClient(): Catalogue {
  const client = sidecarClient(Catalog, 'product');
  return {
    async getProducts(ids) {
      const reply = await client.call('GetProducts', { ids: [...new Set(ids)] });
      return new Map(reply.products.map((product) => [product.id, asCatalogueProduct(product)]));
    },
    async lookupBarcode(code, quantity) {
      try {
        const reply = await client.call('LookupBarcode', { code });
        const productId = reply.product?.id ?? '';
        return reply.scaleLabel
          ? { productId, unit: reply.unit, quantity: Number(reply.quantity), labelPrice: Number(reply.price) }
          : { productId, unit: reply.unit, quantity };
      } catch (error) {
        if (error instanceof RemoteCallError && (error.remoteCode === 'PRODUCT.BARCODE_UNKNOWN' || error.remoteCode === 'PRODUCT.BAD_BARCODE')) {
          throw new UnprocessableError('ORDER.BARCODE_UNKNOWN', `no product answers to barcode ${code}`, { barcode: code });
        }
        throw error;
      }
    },
    close: () => client.close(),
  };
}

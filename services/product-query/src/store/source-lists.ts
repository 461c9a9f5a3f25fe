// The sources' own lists, read through this app's sidecar (the access policies of product and
// inventory allow product-query ListProducts and ListStock): what a rebuild fills the index from.
import { loadService, sidecarClient } from '@pos/platform';
import type { CatalogDefinition } from '@pos/platform/proto/pos/catalog/v1/Catalog.ts';
import type { InventoryDefinition } from '@pos/platform/proto/pos/inventory/v1/Inventory.ts';
import type { RebuildSources } from '../use-cases/rebuild-index.ts';

const PAGE_SIZE = 500;
/** A page of 500 products through two sidecars may take a while on a busy machine. */
const DEADLINE_MS = 30_000;

export function sourceLists(): RebuildSources {
  const catalog = sidecarClient(loadService<CatalogDefinition>('pos/catalog/v1/catalog.proto', 'pos.catalog.v1.Catalog'), 'product', { deadlineMs: DEADLINE_MS });
  const inventory = sidecarClient(loadService<InventoryDefinition>('pos/inventory/v1/inventory.proto', 'pos.inventory.v1.Inventory'), 'inventory', { deadlineMs: DEADLINE_MS });
  return {
    products: async (pageToken) => {
      const reply = await catalog.call('ListProducts', { pageSize: PAGE_SIZE, pageToken });
      return {
        nextPageToken: reply.nextPageToken,
        items: reply.products.map((product) => ({
          id: product.id, sku: product.sku, name: product.name, description: product.description, categoryId: product.categoryId,
          baseUnit: product.baseUnit, taxClass: product.taxClass.replace('TAX_CLASS_', '').toLowerCase(), active: product.active,
          weighed: product.weighed, ...(product.plu && { plu: product.plu }),
          version: Number(product.version),
          units: product.units.map((unit) => ({
            name: unit.name, ...(unit.barcode && { barcode: unit.barcode }), conversion: Number(unit.conversion), price: Number(unit.price),
          })),
        })),
      };
    },
    stock: async (pageToken) => {
      const reply = await inventory.call('ListStock', { pageSize: PAGE_SIZE, pageToken });
      return {
        nextPageToken: reply.nextPageToken,
        items: reply.items.map((level) => ({ productId: level.productId, onHand: level.onHand, available: level.available, version: Number(level.version) })),
      };
    },
  };
}

import { ConflictError, NotFoundError } from '@pos/platform';
import { checkProduct, uniqueKeysOf, type Product, type ProductFields } from '../domain/product.ts';
import { pendingEvent, type ProductChange } from '../events/product-events.ts';
import { claimKeys, releaseKeys } from '../store/claims.store.ts';
import { findProduct, replaceProduct } from '../store/product.store.ts';
import { checkCategory } from './create-product.ts';
import type { ProductServiceDeps } from './deps.ts';

export type ProductPatch = Partial<Omit<ProductFields, 'active'>>;

export async function existingProduct(deps: ProductServiceDeps, id: string): Promise<Product> {
  const product = await findProduct(deps.catalogue, id);
  if (!product) throw new NotFoundError('PRODUCT.NOT_FOUND', `no product ${id}`, { id });
  return product;
}

const staleVersion = (current: Product) =>
  new ConflictError('PRODUCT.VERSION_CONFLICT', `the product is at version ${current.version}`, { currentVersion: current.version });

/** Changes only the fields sent, if the product is still at `expectedVersion` (when given). */
export function updateProduct(deps: ProductServiceDeps, id: string, patch: ProductPatch, expectedVersion?: number): Promise<Product> {
  return changeProduct(deps, id, expectedVersion, (current) => ({ ...current, ...patch }), 'updated');
}

export function setActive(deps: ProductServiceDeps, id: string, active: boolean, expectedVersion?: number): Promise<Product> {
  return changeProduct(deps, id, expectedVersion, (current) => ({ ...current, active }), active ? 'updated' : 'deactivated');
}

/** Claims added keys, writes the next version with its event (only over the version read),
 * then releases the keys it dropped. */
async function changeProduct(
  deps: ProductServiceDeps, id: string, expectedVersion: number | undefined,
  change: (current: Product) => Product, kind: ProductChange,
): Promise<Product> {
  const current = await existingProduct(deps, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion(current);
  const next: Product = { ...change(current), id, version: current.version + 1, createdAt: current.createdAt, updatedAt: new Date().toISOString() };
  checkProduct(next);
  if (next.categoryId !== current.categoryId) await checkCategory(deps.catalogue, next.categoryId);
  const held = uniqueKeysOf(current);
  const wanted = uniqueKeysOf(next);
  const added = wanted.filter((key) => !held.includes(key));
  const stillInTime = await claimKeys(deps.catalogue, id, added);
  let written = false;
  try {
    stillInTime();
    written = await replaceProduct(deps.catalogue, next, current.version, pendingEvent(kind, next));
  } finally {
    if (!written) await releaseKeys(deps.catalogue, id, added);
  }
  if (!written) throw staleVersion(await existingProduct(deps, id));
  deps.eventsWaiting(id);
  await releaseKeys(deps.catalogue, id, held.filter((key) => !wanted.includes(key)));
  return next;
}

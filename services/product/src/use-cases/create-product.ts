import { randomUUID } from 'node:crypto';
import { ValidationError } from '@pos/platform';
import { checkProduct, uniqueKeysOf, type Product, type ProductFields } from '../domain/product.ts';
import { pendingEvent } from '../events/product-events.ts';
import { categoryExists } from '../store/category.store.ts';
import { claimKeys, releaseKeys } from '../store/claims.store.ts';
import type { Catalogue } from '../store/mongo.ts';
import { insertProduct } from '../store/product.store.ts';
import type { ProductServiceDeps } from './deps.ts';

export async function checkCategory(catalogue: Catalogue, categoryId: string): Promise<void> {
  if (!(await categoryExists(catalogue, categoryId))) {
    throw new ValidationError(`no category ${categoryId}`, { categoryId }, 'PRODUCT.UNKNOWN_CATEGORY');
  }
}

/** Claims the product's unique keys, then writes it with its created event in one insert. */
export async function createProduct(deps: ProductServiceDeps, fields: ProductFields): Promise<Product> {
  checkProduct(fields);
  await checkCategory(deps.catalogue, fields.categoryId);
  const now = new Date().toISOString();
  const product: Product = { ...fields, id: randomUUID(), version: 1, createdAt: now, updatedAt: now };
  const keys = uniqueKeysOf(product);
  const stillInTime = await claimKeys(deps.catalogue, product.id, keys);
  try {
    stillInTime();
    await insertProduct(deps.catalogue, product, pendingEvent('created', product));
  } catch (error) {
    await releaseKeys(deps.catalogue, product.id, keys);
    throw error;
  }
  deps.eventsWaiting(product.id);
  return product;
}

import { isDeepStrictEqual } from 'node:util';
import { AppError, ValidationError } from '@pos/platform';
import type { Product, ProductFields } from '../domain/product.ts';
import { findBySku } from '../store/product.store.ts';
import { updateProduct, type ProductPatch } from './change-product.ts';
import { createProduct } from './create-product.ts';
import type { ProductServiceDeps } from './deps.ts';

/** One product of an import file: the fields its cells give, at the line of its first row. */
export interface ImportRow { line: number; sku: string; patch: ProductPatch }
export interface ImportProblem { line: number; sku?: string; code: string; reason: string }
export interface ImportReport { created: number; updated: number; unchanged: number; errors: ImportProblem[] }

/** Creates or updates each product by SKU through the same use cases as POST and PATCH, so the
 * same rules hold; a refused row is reported and the next one goes on. One row at a time keeps
 * the load on the catalogue that of one busy writer. */
export async function importProducts(deps: ProductServiceDeps, rows: ImportRow[], refused: ImportProblem[]): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, errors: [...refused] };
  for (const row of rows) {
    try {
      report[await importOne(deps, row)] += 1;
    } catch (error) {
      // A broken rule is the row's fault; a store that fails is not, and ends the import.
      if (!(error instanceof AppError) || error.kind === 'unavailable' || error.kind === 'dependency_failed') throw error;
      report.errors.push({ line: row.line, sku: row.sku, code: error.code, reason: error.message });
    }
  }
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

async function importOne(deps: ProductServiceDeps, { sku, patch }: ImportRow): Promise<'created' | 'updated' | 'unchanged'> {
  const current = await findBySku(deps.catalogue, sku);
  if (!current) {
    await createProduct(deps, { ...completeFields(patch), sku, active: true });
    return 'created';
  }
  if (changesNothing(current, patch)) return 'unchanged';
  await updateProduct(deps, current.id, patch, current.version);
  return 'updated';
}

const changesNothing = (current: Product, patch: ProductPatch) =>
  Object.entries(patch).every(([field, value]) => isDeepStrictEqual(current[field as keyof Product], value));

const REQUIRED = ['name', 'categoryId', 'baseUnit', 'taxClass', 'units'] as const;

/** A new product needs every field but the optional ones. */
function completeFields(patch: ProductPatch): Omit<ProductFields, 'sku' | 'active'> {
  const missing = REQUIRED.filter((field) => patch[field] === undefined);
  const { name, categoryId, baseUnit, taxClass, units } = patch;
  if (!name || !categoryId || !baseUnit || !taxClass || !units) {
    throw new ValidationError(`a new product needs ${missing.join(', ')}`, { missing }, 'IMPORT.MISSING_FIELDS');
  }
  return { description: '', weighed: false, ...patch, name, categoryId, baseUnit, taxClass, units };
}

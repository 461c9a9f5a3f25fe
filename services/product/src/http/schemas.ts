import { z } from '@pos/platform';
import { MAX_CONVERSION, MAX_UNIT_PRICE, TAX_CLASSES } from '../domain/product.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const sku = text(64);
export const categoryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

export const sellingUnit = z.object({
  name: text(32),
  barcode: z.string().max(13).optional(),
  conversion: z.number().int().max(MAX_CONVERSION),
  price: z.number().int().max(MAX_UNIT_PRICE),
});

export const productFields = z.object({
  sku,
  name: text(200),
  description: z.string().max(2000).default(''),
  categoryId,
  baseUnit: text(16),
  taxClass: z.enum(TAX_CLASSES),
  weighed: z.boolean().default(false),
  plu: z.string().optional(),
  units: z.array(sellingUnit).min(1).max(20),
});

export const productPatch = productFields.partial().extend({ description: z.string().max(2000).optional(), weighed: z.boolean().optional() });

export const product = productFields.extend({
  id: z.uuid(), active: z.boolean(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
});

export const productId = z.object({ id: z.uuid() });
export const category = z.object({ id: categoryId, name: text(100) });

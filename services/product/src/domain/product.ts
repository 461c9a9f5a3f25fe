// A catalogue product and the rules every version of it must keep.
import { ValidationError } from '@pos/platform';
import { isValidBarcode } from './barcode.ts';

export const TAX_CLASSES = ['standard', 'luxury', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

/** Goods sold by weight keep stock in grams. */
export const WEIGHED_BASE_UNIT = 'g';

/** The most a unit may cost (Rupiah) and the most base units it may hold (a tonne in grams).
 * Order's checkout takes at most 100 000 of a unit on each of at most 200 lines (a cart too:
 * order's MAX_LINES), and a scale
 * label at most 99 999 g: a line stays under 10^13 Rupiah and an order under 2·10^15, exact
 * in a double (2^53 ≈ 9·10^15) and in PostgreSQL's bigint. */
export const MAX_UNIT_PRICE = 100_000_000;
export const MAX_CONVERSION = 1_000_000;

export interface SellingUnit {
  name: string;
  barcode?: string;
  /** Base units in one of this unit: a carton of 24 is 24. */
  conversion: number;
  /** Whole Rupiah, > 0. */
  price: number;
}

/** What a writer decides; the rest (id, version, timestamps) the catalogue keeps. */
export interface ProductFields {
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  baseUnit: string;
  taxClass: TaxClass;
  weighed: boolean;
  plu?: string;
  units: SellingUnit[];
  active: boolean;
}

export interface Product extends ProductFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const invalid = (code: string, message: string) => new ValidationError(message, undefined, `PRODUCT.${code}`);

/** The rules a product keeps whatever the request: throws the first broken one. */
export function checkProduct(fields: ProductFields): void {
  if (fields.units.length === 0) throw invalid('NO_UNITS', 'a product is sold in at least one unit');
  const names = new Set(fields.units.map((unit) => unit.name));
  if (names.size !== fields.units.length) throw invalid('DUPLICATE_UNIT', 'each unit name once per product');
  for (const unit of fields.units) checkUnit(unit);
  const barcodes = fields.units.flatMap((unit) => (unit.barcode ? [unit.barcode] : []));
  if (new Set(barcodes).size !== barcodes.length) throw invalid('DUPLICATE_BARCODE', 'each barcode once per product');
  if (fields.weighed) {
    if (fields.baseUnit !== WEIGHED_BASE_UNIT) throw invalid('WEIGHED_BASE_UNIT', `goods sold by weight keep stock in ${WEIGHED_BASE_UNIT}`);
    if (!fields.plu || !/^\d{5}$/.test(fields.plu)) throw invalid('PLU_REQUIRED', 'goods sold by weight need a 5-digit PLU for scale labels');
  } else if (fields.plu) {
    throw invalid('PLU_NOT_WEIGHED', 'only goods sold by weight have a PLU');
  }
}

function checkUnit(unit: SellingUnit): void {
  if (!Number.isSafeInteger(unit.conversion) || unit.conversion < 1 || unit.conversion > MAX_CONVERSION) {
    throw invalid('BAD_CONVERSION', `unit ${unit.name}: the conversion to the base unit is a whole number from 1 to ${MAX_CONVERSION}`);
  }
  if (!Number.isSafeInteger(unit.price) || unit.price < 1 || unit.price > MAX_UNIT_PRICE) {
    throw invalid('BAD_PRICE', `unit ${unit.name}: the price is whole Rupiah from 1 to ${MAX_UNIT_PRICE}`);
  }
  if (unit.barcode !== undefined && !isValidBarcode(unit.barcode)) {
    throw invalid('BAD_BARCODE', `unit ${unit.name}: ${unit.barcode} is no EAN-13/UPC-A with a right check digit`);
  }
}

/** The keys that must be unique across the catalogue, each claimed by one product. */
export function uniqueKeysOf(fields: Pick<ProductFields, 'sku' | 'units' | 'plu'>): string[] {
  return [
    `sku:${fields.sku}`,
    ...fields.units.flatMap((unit) => (unit.barcode ? [`barcode:${unit.barcode}`] : [])),
    ...(fields.plu ? [`plu:${fields.plu}`] : []),
  ];
}

/** The unit a barcode names in this product, if any. */
export const unitWithBarcode = (product: ProductFields, barcode: string): SellingUnit | undefined =>
  product.units.find((unit) => unit.barcode === barcode);

/** The unit whose price sets what a weight costs: the first one. */
export const pricingUnit = (product: ProductFields): SellingUnit => {
  const unit = product.units[0];
  if (!unit) throw new Error(`product ${product.sku} has no unit`);
  return unit;
};

// What a scanned code stands for: a product, a unit, a quantity in base units and a price.
import { baseUnitsForPrice, priceOfBaseUnits } from './pricing.ts';
import { pricingUnit, unitWithBarcode, type Product } from './product.ts';
import type { ScaleLabel } from './scale-label.ts';

export interface Scan {
  product: Product;
  unit: string;
  quantity: number;
  price: number;
  scaleLabel: boolean;
}

/** A unit's own barcode: one of that unit, at its price. */
export function scanOfBarcode(product: Product, barcode: string): Scan | undefined {
  const unit = unitWithBarcode(product, barcode);
  return unit && { product, unit: unit.name, quantity: unit.conversion, price: unit.price, scaleLabel: false };
}

/** A scale label: the weight printed (and its price), or the price printed (and its weight). */
export function scanOfScaleLabel(product: Product, label: ScaleLabel): Scan {
  const unit = pricingUnit(product);
  const quantity = label.carries === 'weight' ? label.grams : baseUnitsForPrice(unit, label.price);
  const price = label.carries === 'price' ? label.price : priceOfBaseUnits(unit, label.grams);
  return { product, unit: unit.name, quantity, price, scaleLabel: true };
}

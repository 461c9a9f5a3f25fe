// Quantities in base units and prices in whole Rupiah: integers only, rounded half up.
import type { SellingUnit } from './product.ts';

/** Base units in `count` of a unit: 2 cartons of 24 are 48. */
export const toBaseUnits = (unit: SellingUnit, count: number): number => unit.conversion * count;

/** a / b rounded half up, for non-negative integers. */
const divideRounded = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));

/** What a weight costs at a unit's price: 1250 g at 40 000 per kg (1000 g) is 50 000. */
export const priceOfBaseUnits = (unit: SellingUnit, quantity: number): number =>
  divideRounded(quantity * unit.price, unit.conversion);

/** The weight a price buys at a unit's price: 50 000 at 40 000 per kg is 1250 g. */
export const baseUnitsForPrice = (unit: SellingUnit, price: number): number =>
  divideRounded(price * unit.conversion, unit.price);

// Goods sold by weight keep stock in grams and are priced by a unit of many grams (a kg at
// 14 000 is 1000 g at 14 000). Whole Rupiah and whole grams, rounded half up, as the product
// service rounds them (services/product/src/domain/pricing.ts).

export interface WeightUnit {
  /** Grams in one of the unit: 1000 for a kg. */
  conversion: number;
  /** Whole Rupiah for one of the unit. */
  price: number;
}

const halfUp = (dividend: number, divisor: number): number => Math.floor((2 * dividend + divisor) / (2 * divisor));

/** 1250 g at 40 000 a kg: 50 000. */
export const priceOfGrams = (unit: WeightUnit, grams: number): number => halfUp(grams * unit.price, unit.conversion);

/** 50 000 at 40 000 a kg: 1250 g. */
export const gramsForPrice = (unit: WeightUnit, price: number): number => halfUp(price * unit.conversion, unit.price);

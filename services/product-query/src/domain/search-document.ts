// One search document per product: the catalogue's facts and the stock's, each with the
// version of its source. Events of the two sources arrive independently, in any order and
// possibly twice; these rules decide what a new fact does to the document.

export interface SellingUnit {
  name: string;
  barcode?: string;
  conversion: number;
  price: number;
}

/** The product as the catalogue's events and ListProducts carry it. */
export interface ProductFacts {
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  baseUnit: string;
  taxClass: string;
  /** Sold by weight: the till reads the weight (or a scale label naming the PLU). */
  weighed: boolean;
  /** The 5-digit number a scale prints on the labels of a weighed product. */
  plu?: string;
  units: SellingUnit[];
  active: boolean;
  version: number;
}

/** The stock as inventory's events and ListStock carry it. */
export interface StockFacts {
  productId: string;
  onHand: number;
  available: number;
  version: number;
}

export interface SearchDocument {
  id: string;
  /** False while only stock is known: the document waits, hidden, for its product. */
  listed: boolean;
  sku?: string;
  name?: string;
  description?: string;
  categoryId?: string;
  baseUnit?: string;
  taxClass?: string;
  weighed?: boolean;
  plu?: string;
  units?: SellingUnit[];
  barcodes?: string[];
  /** The price of the first unit, the one a product is priced by. */
  price?: number;
  active?: boolean;
  productVersion: number;
  onHand: number;
  available: number;
  stockVersion: number;
}

/** The document after a product fact, or undefined when the fact is not newer than what the
 * document holds (a duplicate or a late event changes nothing). */
export function withProduct(current: SearchDocument | undefined, product: ProductFacts): SearchDocument | undefined {
  if (current && current.productVersion >= product.version) return undefined;
  return {
    ...(current ?? { onHand: 0, available: 0, stockVersion: 0 }),
    id: product.id,
    listed: true,
    sku: product.sku,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    baseUnit: product.baseUnit,
    taxClass: product.taxClass,
    weighed: product.weighed,
    // undefined when the product has none: JSON leaves the key out, so an old PLU goes.
    plu: product.plu,
    units: product.units,
    barcodes: product.units.flatMap((unit) => (unit.barcode ? [unit.barcode] : [])),
    price: product.units[0]?.price ?? 0,
    active: product.active,
    productVersion: product.version,
  };
}

/** The document after a stock fact, or undefined when it is not newer. A stock fact for a
 * product not seen yet makes an unlisted document that the product completes later. */
export function withStock(current: SearchDocument | undefined, stock: StockFacts): SearchDocument | undefined {
  if (current && current.stockVersion >= stock.version) return undefined;
  return {
    ...(current ?? { id: stock.productId, listed: false, productVersion: 0 }),
    onHand: stock.onHand,
    available: stock.available,
    stockVersion: stock.version,
  };
}

/** Of a batch of facts, the newest of each product: the only one worth writing, since the
 * document would refuse the others after it (withProduct and withStock keep the highest version). */
export function newestOfEach<T extends { version: number }>(facts: readonly T[], idOf: (fact: T) => string): Map<string, T> {
  const newest = new Map<string, T>();
  for (const fact of facts) {
    const kept = newest.get(idOf(fact));
    if (!kept || fact.version > kept.version) newest.set(idOf(fact), fact);
  }
  return newest;
}

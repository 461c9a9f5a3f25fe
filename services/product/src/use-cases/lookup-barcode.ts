import { NotFoundError, ValidationError } from '@pos/platform';
import { isValidBarcode } from '../domain/barcode.ts';
import { scanOfBarcode, scanOfScaleLabel, type Scan } from '../domain/lookup.ts';
import { decodeScaleLabel } from '../domain/scale-label.ts';
import { findByBarcode, findWeighedByPlu } from '../store/product.store.ts';
import type { ProductServiceDeps } from './deps.ts';

/** A unit's barcode first; else a scale label naming a weighed product's PLU. */
export async function lookupBarcode(deps: ProductServiceDeps, code: string): Promise<Scan> {
  if (!isValidBarcode(code)) throw new ValidationError(`${code} is no EAN-13/UPC-A with a right check digit`, { code }, 'PRODUCT.BAD_BARCODE');
  const product = await findByBarcode(deps.catalogue, code);
  const scan = product && scanOfBarcode(product, code);
  if (scan) return scan;
  const label = decodeScaleLabel(code, deps.scaleLabels);
  const weighed = label && (await findWeighedByPlu(deps.catalogue, label.plu));
  if (label && weighed) return scanOfScaleLabel(weighed, label);
  throw new NotFoundError('PRODUCT.BARCODE_UNKNOWN', `no product answers to ${code}`, { code });
}

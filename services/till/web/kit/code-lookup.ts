// What a scanned code stands for, in the order the product service resolves it: a unit's own
// barcode first, then a scale label naming a weighed product's PLU. A code with a wrong check
// digit is a misread, told apart from an unknown product so the cashier scans again.
import { decodeScaleLabel, isValidBarcode, type ScaleLabel, type ScaleLabelPrefixes } from './scale-label.ts';

export interface CodeIndex<Product> {
  /** The product and unit whose barcode this is. */
  byBarcode(code: string): { product: Product; unit: string } | undefined;
  /** The weighed product with this PLU. */
  weighedByPlu(plu: string): Product | undefined;
}

export type ScannedCode<Product> =
  | { kind: 'unit'; product: Product; unit: string }
  | { kind: 'label'; product: Product; label: ScaleLabel }
  | { kind: 'unknown'; code: string }
  | { kind: 'misread'; code: string };

export function lookUpCode<Product>(code: string, index: CodeIndex<Product>, prefixes: ScaleLabelPrefixes): ScannedCode<Product> {
  if (!isValidBarcode(code)) return { kind: 'misread', code };
  const unit = index.byBarcode(code);
  if (unit) return { kind: 'unit', ...unit };
  const label = decodeScaleLabel(code, prefixes);
  const product = label && index.weighedByPlu(label.plu);
  return label && product ? { kind: 'label', product, label } : { kind: 'unknown', code };
}

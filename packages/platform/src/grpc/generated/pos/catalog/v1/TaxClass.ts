// Original file: proto/pos/catalog/v1/catalog.proto

export const TaxClass = {
  TAX_CLASS_UNSPECIFIED: 'TAX_CLASS_UNSPECIFIED',
  TAX_CLASS_STANDARD: 'TAX_CLASS_STANDARD',
  TAX_CLASS_LUXURY: 'TAX_CLASS_LUXURY',
  TAX_CLASS_EXEMPT: 'TAX_CLASS_EXEMPT',
} as const;

export type TaxClass =
  | 'TAX_CLASS_UNSPECIFIED'
  | 0
  | 'TAX_CLASS_STANDARD'
  | 1
  | 'TAX_CLASS_LUXURY'
  | 2
  | 'TAX_CLASS_EXEMPT'
  | 3

export type TaxClass__Output = typeof TaxClass[keyof typeof TaxClass]

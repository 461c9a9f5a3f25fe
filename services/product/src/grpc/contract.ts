// The messages of proto/pos/catalog/v1/catalog.proto as @grpc/proto-loader delivers them
// (keepCase false, longs String, enums String, defaults true). To be replaced by the types
// generated from the proto once the platform has them; keep the two in step until then.

export type TaxClass = 'TAX_CLASS_UNSPECIFIED' | 'TAX_CLASS_STANDARD' | 'TAX_CLASS_LUXURY' | 'TAX_CLASS_EXEMPT';

/** int64 fields travel as decimal strings (longs: String). */
export type Int64 = string;

export interface SellingUnit {
  name: string;
  barcode: string;
  conversion: Int64;
  price: Int64;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  baseUnit: string;
  taxClass: TaxClass;
  weighed: boolean;
  plu: string;
  units: SellingUnit[];
  active: boolean;
  version: Int64;
  createdAt: string;
  updatedAt: string;
}

export interface GetProductsRequest { ids: string[] }
export interface GetProductsReply { products: Product[]; unknownIds: string[] }

export interface LookupBarcodeRequest { code: string }
export interface LookupBarcodeReply { product: Product; unit: string; quantity: Int64; price: Int64; scaleLabel: boolean }

export interface ListProductsRequest { pageSize: number; pageToken: string }
export interface ListProductsReply { products: Product[]; nextPageToken: string }

// The messages of proto/pos/inventory/v1/inventory.proto as the handlers see them (proto-loader
// with keepCase false, longs as strings, defaults on). To be swapped for the generated types.

export interface ReservationLine {
  productId: string;
  quantity: number;
}

export interface ReserveRequest {
  orderId: string;
  lines: ReservationLine[];
  ttlSeconds: number;
}

export interface Reservation {
  orderId: string;
  status: string;
  lines: ReservationLine[];
  expiresAt: string;
  releaseReason: string;
}

export interface ReserveReply { reservation: Reservation }
export interface CommitRequest { orderId: string }
export interface CommitReply { reservation: Reservation }
export interface ReleaseRequest { orderId: string }
export interface ReleaseReply { reservation: Reservation }
export interface GetStockRequest { productIds: string[] }

export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  /** int64: a string when received, a number or string when sent. */
  version: string | number;
}

export interface GetStockReply { items: StockLevel[] }

/** One entry of the INVENTORY.SHORTAGE error details: {shortages: Shortage[]}, JSON in the ERROR_DETAILS_KEY trailer. */
export interface Shortage {
  productId: string;
  requested: number;
  available: number;
  short: number;
}

export const ERROR_DETAILS_KEY = 'pos-error-details-bin';

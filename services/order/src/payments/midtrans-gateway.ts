// The order service's way to Midtrans, over the official `midtrans-client`. With
// MIDTRANS_BASE_URL set (the local simulator) the client's own code runs against that address;
// unset, the client uses Midtrans' sandbox, or production with MIDTRANS_IS_PRODUCTION=true.
import { createRequire } from 'node:module';
import { z } from '@pos/platform';

/** Spread into the order service's loadConfig. */
export const midtransEnv = {
  MIDTRANS_BASE_URL: z.url().optional(),
  MIDTRANS_IS_PRODUCTION: z.stringbool().default(false),
  /** Sent as X-Override-Notification with each charge, when set. */
  MIDTRANS_NOTIFICATION_URL: z.url().optional(),
};

export interface MidtransSettings {
  serverKey: string;
  isProduction: boolean;
  baseUrl?: string | undefined;
  notificationUrl?: string | undefined;
}

export interface ChargeRequest {
  /** Midtrans' order_id: one per charge (a tender's id), never reused. */
  chargeId: string;
  /** Whole Rupiah. */
  amount: number;
  items?: { id: string; name: string; price: number; quantity: number }[];
}

export interface QrisCharge {
  transactionId: string;
  chargeId: string;
  amount: number;
  qrString: string;
  qrUrl: string | undefined;
  expiresAt: Date | undefined;
}

export interface TransactionState {
  transactionId: string;
  chargeId: string;
  transactionStatus: string;
  statusCode: string;
  fraudStatus: string | undefined;
  /** As Midtrans writes it: "10000.00". */
  grossAmount: string;
  paymentType: string;
  /** Money Midtrans gave back from it, each refund by the refund_key it was asked with. */
  refunds: MidtransRefund[];
}

export interface MidtransRefund {
  refundKey: string;
  /** Whole Rupiah. */
  amount: number;
  /** Midtrans' refund_chargeback_id. */
  chargebackId: string | null;
}

export interface RefundRequest {
  /** Idempotent at Midtrans: the same key again answers the same refund. */
  refundKey: string;
  /** Whole Rupiah. */
  amount: number;
  reason: string;
}

/** Midtrans answered the request with a 4xx: ours was wrong (bad key, duplicate or unknown id). */
export class MidtransRejectedError extends Error {
  readonly httpStatus: number;
  readonly response: unknown;
  constructor(httpStatus: number, response: unknown) {
    super(`Midtrans rejected the request with ${httpStatus}: ${JSON.stringify(response)}`);
    this.name = 'MidtransRejectedError';
    this.httpStatus = httpStatus;
    this.response = response;
  }
}

/** Midtrans failed (5xx). */
export class MidtransFailedError extends Error {
  readonly httpStatus: number;
  constructor(httpStatus: number, message: string) {
    super(`Midtrans failed with ${httpStatus}: ${message}`);
    this.name = 'MidtransFailedError';
    this.httpStatus = httpStatus;
  }
}

/** Midtrans could not be reached: no HTTP answer at all. */
export class MidtransUnreachableError extends Error {
  constructor(cause: unknown) {
    super('Midtrans is unreachable', { cause });
    this.name = 'MidtransUnreachableError';
  }
}

// midtrans-client has no types: the little of it used here, typed by what its source does.
interface ApiClient {
  apiConfig: { getCoreApiBaseUrl(): string; getSnapApiBaseUrl(): string };
  httpClient: { http_client: { defaults: { headers: { common: Record<string, string> } } } };
}
interface CoreApiClient extends ApiClient {
  charge(body: object): Promise<unknown>;
  transaction: { status(id: string): Promise<unknown>; cancel(id: string): Promise<unknown>; refund(id: string, body: object): Promise<unknown> };
}
interface SnapClient extends ApiClient { createTransaction(body: object): Promise<unknown> }
interface MidtransError { name: string; httpStatusCode: number | string | null; ApiResponse: unknown; message: string }
interface MidtransClientModule {
  CoreApi: new (options: { isProduction: boolean; serverKey: string }) => CoreApiClient;
  Snap: new (options: { isProduction: boolean; serverKey: string }) => SnapClient;
}
const midtransClient = createRequire(import.meta.url)('midtrans-client') as MidtransClientModule;

const qrisResponse = z.object({
  transaction_id: z.string(), order_id: z.string(), gross_amount: z.string(), qr_string: z.string(),
  actions: z.array(z.object({ name: z.string(), url: z.string() })).default([]),
  expiry_time: z.string().optional(),
});
const refundEntry = z.object({ refund_key: z.string(), refund_amount: z.string(), refund_chargeback_id: z.union([z.number(), z.string()]).optional() });
const statusResponse = z.object({
  transaction_id: z.string(), order_id: z.string(), transaction_status: z.string(), status_code: z.string(),
  fraud_status: z.string().optional(), gross_amount: z.string(), payment_type: z.string(),
  refunds: z.array(refundEntry).default([]),
});
const refundResponse = refundEntry;
const snapResponse = z.object({ token: z.string(), redirect_url: z.string() });

export function createMidtransGateway(settings: MidtransSettings) {
  const options = { isProduction: settings.isProduction, serverKey: settings.serverKey };
  const core = pointed(new midtransClient.CoreApi(options), settings);
  const snap = pointed(new midtransClient.Snap(options), settings);

  return {
    async chargeQris(request: ChargeRequest): Promise<QrisCharge> {
      const body = await call(() => core.charge({ payment_type: 'qris', ...transaction(request) }));
      const charged = qrisResponse.parse(body);
      return {
        transactionId: charged.transaction_id,
        chargeId: charged.order_id,
        amount: rupiah(charged.gross_amount),
        qrString: charged.qr_string,
        qrUrl: charged.actions.find((action) => action.name === 'generate-qr-code')?.url,
        expiresAt: charged.expiry_time === undefined ? undefined : fromJakartaTime(charged.expiry_time),
      };
    },
    async createSnap(request: ChargeRequest): Promise<{ token: string; redirectUrl: string }> {
      const created = snapResponse.parse(await call(() => snap.createTransaction(transaction(request))));
      return { token: created.token, redirectUrl: created.redirect_url };
    },
    status: async (id: string): Promise<TransactionState> => toState(await call(() => core.transaction.status(id))),
    cancel: async (id: string): Promise<TransactionState> => toState(await call(() => core.transaction.cancel(id))),
    /** Gives `amount` of the charge back (it must be settled); the same refund key again answers
     * the same refund, so a retry never refunds twice. */
    async refund(id: string, request: RefundRequest): Promise<MidtransRefund> {
      const body = { refund_key: request.refundKey, amount: request.amount, reason: request.reason };
      return asRefund(refundResponse.parse(await call(() => core.transaction.refund(id, body))));
    },
  };
}

export type MidtransGateway = ReturnType<typeof createMidtransGateway>;

/** The client reads its base URLs from its ApiConfig at each call: this instance's are replaced,
 * not the library's shared defaults. */
function pointed<Client extends ApiClient>(client: Client, settings: MidtransSettings): Client {
  if (settings.baseUrl) {
    const base = settings.baseUrl.replace(/\/$/, '');
    client.apiConfig.getCoreApiBaseUrl = () => base;
    client.apiConfig.getSnapApiBaseUrl = () => `${base}/snap/v1`;
  }
  if (settings.notificationUrl) client.httpClient.http_client.defaults.headers.common['X-Override-Notification'] = settings.notificationUrl;
  return client;
}

const transaction = (request: ChargeRequest) => ({
  transaction_details: { order_id: request.chargeId, gross_amount: request.amount },
  ...(request.items && { item_details: request.items }),
});

function toState(body: unknown): TransactionState {
  const state = statusResponse.parse(body);
  return {
    transactionId: state.transaction_id, chargeId: state.order_id, transactionStatus: state.transaction_status,
    statusCode: state.status_code, fraudStatus: state.fraud_status, grossAmount: state.gross_amount, paymentType: state.payment_type,
    refunds: state.refunds.map(asRefund),
  };
}

const asRefund = (refund: z.infer<typeof refundEntry>): MidtransRefund => ({
  refundKey: refund.refund_key, amount: rupiah(refund.refund_amount),
  chargebackId: refund.refund_chargeback_id === undefined ? null : String(refund.refund_chargeback_id),
});

/** Runs a client call; its MidtransError becomes one of the three errors above. */
async function call(request: () => Promise<unknown>): Promise<unknown> {
  try {
    return await request();
  } catch (error) {
    const failure = error as MidtransError;
    if (failure.name !== 'MidtransError') throw error;
    const status = Number(failure.httpStatusCode);
    if (!failure.httpStatusCode || Number.isNaN(status)) throw new MidtransUnreachableError(error);
    if (status < 500) throw new MidtransRejectedError(status, failure.ApiResponse);
    throw new MidtransFailedError(status, failure.message);
  }
}

/** "10000.00" → 10000; Rupiah have no cents here. */
const rupiah = (amount: string) => Math.round(Number(amount));

/** Midtrans writes times in Jakarta time (UTC+7) with no zone: "2026-11-26 07:05:00". */
const fromJakartaTime = (time: string) => new Date(`${time.replace(' ', 'T')}+07:00`);

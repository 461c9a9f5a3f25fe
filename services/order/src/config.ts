import { loadConfig, port, z } from '@pos/platform';
import { DEFAULT_TAX_RATES, taxRatesSchema } from './domain/tax.ts';
import { midtransEnv } from './payments/midtrans-gateway.ts';

const seconds = z.coerce.number().int().positive();
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const config = loadConfig({
  HTTP_PORT: port.default(3005),
  /** An unpaid order expires after this; its reservation is held ORDER_RESERVATION_GRACE_SECONDS longer. */
  ORDER_TTL_SECONDS: seconds.default(900),
  ORDER_RESERVATION_GRACE_SECONDS: seconds.default(600),
  CART_TTL_SECONDS: seconds.default(12 * 3600),
  EXPIRY_EVERY_MS: z.coerce.number().int().min(100).default(1000),
  SAGA_EVERY_MS: z.coerce.number().int().min(100).default(1000),
  /** How often each replica looks for checkouts that died between Reserve and their commit … */
  INTENTS_EVERY_MS: z.coerce.number().int().min(100).default(5_000),
  /** … among the intents older than this (a live checkout takes its lock well within it). */
  INTENT_STALE_SECONDS: seconds.default(20),
  /** How often each replica looks for pending Midtrans charges to ask about (their notification may never come). */
  RECONCILE_EVERY_MS: z.coerce.number().int().min(100).default(30_000),
  /** A pending charge is first asked about this long after it was made, then at doubling intervals (up to an hour). */
  RECONCILE_AFTER_SECONDS: seconds.default(60),
  /** PPN rates by effective date, as JSON: [{effectiveFrom, ratePercent, baseFraction: {standard: [11, 12], luxury: [1, 1]}}]. */
  TAX_RATES: z.string().default(JSON.stringify(DEFAULT_TAX_RATES)).transform((text) => JSON.parse(text) as unknown).pipe(z.array(taxRatesSchema).min(1)),
  /** A shop not registered for VAT (not a PKP) charges no PPN. */
  SHOP_VAT_REGISTERED: flag.default(true),
  SHOP_NAME: z.string().min(1).default('Toko Contoh'),
  SHOP_ADDRESS: z.string().default('Jl. Contoh No. 1, Jakarta'),
  SHOP_NPWP: z.string().default('00.000.000.0-000.000'),
  SHOP_TIME_ZONE: z.string().default('Asia/Jakarta'),
  /** Goods may be returned against a receipt for this many days after it was paid. */
  RETURN_PERIOD_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** A cashier may discount a line, or a sale in all, by up to this percent of its price; more needs a manager's approval. */
  CASHIER_DISCOUNT_LIMIT_PERCENT: z.coerce.number().int().min(0).max(100).default(10),
  /** A shift whose counted cash is off by more than this (Rupiah, either way) closes only with a manager's approval. */
  SHIFT_VARIANCE_THRESHOLD: z.coerce.number().int().min(0).default(5_000),
  ...midtransEnv,
});

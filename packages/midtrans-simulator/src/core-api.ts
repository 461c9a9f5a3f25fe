// Midtrans' Core API (/v2/...) and Snap (/snap/v1/transactions) as the simulator answers them.
// Core API errors carry status_code and status_message; Snap errors an error_messages list.
import { randomUUID } from 'node:crypto';
import { z } from '@pos/platform';
import { newTransaction, refundBody, statusBody, wireAmount, type Transaction } from './transactions.ts';
import { coreError, type Reply, type Request, type Simulator } from './simulator.ts';

const transactionDetails = z.object({
  order_id: z.string().min(1).max(50),
  gross_amount: z.number().int().positive(),
});
const itemDetails = z.array(z.object({
  id: z.string().optional(),
  price: z.number().int(),
  quantity: z.number().int().positive(),
  name: z.string().min(1).max(50),
})).optional();
const customExpiry = z.object({
  expiry_duration: z.number().int().positive(),
  unit: z.enum(['second', 'minute', 'hour', 'day']),
}).optional();

const chargeSchema = z.object({
  payment_type: z.enum(['qris', 'gopay']),
  transaction_details: transactionDetails,
  item_details: itemDetails,
  custom_expiry: customExpiry,
});
const snapSchema = z.object({ transaction_details: transactionDetails, item_details: itemDetails, expiry: z.unknown().optional() });

const UNIT_MS = { second: 1000, minute: 60_000, hour: 3600_000, day: 86_400_000 };
/** Midtrans' default lifetime of a QRIS or GoPay charge. */
const DEFAULT_EXPIRY_MS = 15 * 60_000;

const snapError = (code: number, messages: string[]): Reply => ({ status: code, body: { error_messages: messages } });

/** What parses, or the list of problems in the field paths Midtrans' validation names. */
function parse<T>(schema: z.ZodType<T>, body: unknown): { data: T } | { problems: string[] } {
  const result = schema.safeParse(body);
  if (result.success) return { data: result.data };
  return { problems: result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`) };
}

/** Midtrans refuses a charge whose items do not add up to its gross_amount. */
function itemsProblem(details: z.infer<typeof transactionDetails>, items: z.infer<typeof itemDetails>): string | undefined {
  if (!items) return undefined;
  const sum = items.reduce((total, item) => total + item.price * item.quantity, 0);
  return sum === details.gross_amount ? undefined : 'transaction_details.gross_amount is not equal to the sum of item_details';
}

/** X-Override-Notification replaces the configured URL, X-Append-Notification adds to it (up to 3 each). */
function notificationUrls(request: Request, sim: Simulator): string[] {
  const list = (name: string) => (request.headers[name]?.toString() ?? '').split(',').map((url) => url.trim()).filter(Boolean).slice(0, 3);
  const override = list('x-override-notification');
  if (override.length > 0) return override;
  return [...(sim.notificationUrl ? [sim.notificationUrl] : []), ...list('x-append-notification')];
}

/** A charge naming a used order_id: refused, and counted on the transaction that has it. */
function repeated(orderId: string, sim: Simulator): boolean {
  const taken = sim.store.has(orderId) ? sim.store.find(orderId) : undefined;
  if (taken) taken.chargeRequests += 1;
  return taken !== undefined;
}

export async function charge(request: Request, sim: Simulator): Promise<Reply> {
  const parsed = parse(chargeSchema, request.body);
  if ('problems' in parsed) return coreError(400, 'some fields of the charge are invalid', { validation_messages: parsed.problems });
  const { payment_type: paymentType, transaction_details: details, item_details: items, custom_expiry: expiry } = parsed.data;
  const problem = itemsProblem(details, items);
  if (problem) return coreError(400, 'some fields of the charge are invalid', { validation_messages: [problem] });
  if (repeated(details.order_id, sim)) return coreError(406, 'order_id has already been used');

  const expiresInMs = expiry ? expiry.expiry_duration * UNIT_MS[expiry.unit] : DEFAULT_EXPIRY_MS;
  const tx = newTransaction({ orderId: details.order_id, amount: details.gross_amount, paymentType, expiresInMs, notificationUrls: notificationUrls(request, sim) });
  sim.store.add(tx);
  sim.expireWhenDue(tx);
  sim.notify(tx); // Midtrans announces the pending transaction too
  return { status: 200, body: { ...statusBody(tx, sim.merchantId, `${paymentType} transaction is created`), actions: actions(tx, sim), qr_string: qrString(tx), acquirer: 'gopay' } };
}

function actions(tx: Transaction, sim: Simulator) {
  const qr = { name: 'generate-qr-code', method: 'GET', url: `${sim.publicUrl}/v2/qris/${tx.transactionId}/qr-code` };
  if (tx.paymentType !== 'gopay') return [qr];
  return [qr,
    { name: 'deeplink-redirect', method: 'GET', url: `${sim.publicUrl}/_simulator/gopay/deeplink?tref=${tx.transactionId}` },
    { name: 'get-status', method: 'GET', url: `${sim.publicUrl}/v2/${tx.transactionId}/status` },
    { name: 'cancel', method: 'POST', url: `${sim.publicUrl}/v2/${tx.transactionId}/cancel` }];
}

/** Not a scannable QRIS payload; only unique per transaction and shaped like one. */
const qrString = (tx: Transaction) => `00020101021226${tx.transactionId.replaceAll('-', '')}5303360540${wireAmount(tx.amount).length}${wireAmount(tx.amount)}6304SIMU`;

export function status(id: string, sim: Simulator): Reply {
  const tx = sim.store.find(id);
  // Midtrans knows a Snap transaction only once its customer has chosen how to pay.
  if (!tx || tx.paymentType === null) return coreError(404, "transaction doesn't exist");
  tx.statusQueries += 1;
  const refunds = tx.refunds.length > 0 ? { refunds: tx.refunds.map(refundBody) } : {};
  return { status: 200, body: { ...statusBody(tx, sim.merchantId, 'transaction found'), ...refunds } };
}

/** Cancel or expire: only a pending transaction; anything else is Midtrans' 412. */
export function endPending(id: string, to: 'cancel' | 'expire', sim: Simulator): Reply {
  const tx = sim.store.find(id);
  if (!tx || tx.paymentType === null) return coreError(404, "transaction doesn't exist");
  if (tx.status !== 'pending') return coreError(412, `a ${tx.status} transaction cannot be changed`);
  void sim.changeStatus(tx, to);
  return { status: 200, body: statusBody(tx, sim.merchantId, to === 'cancel' ? 'transaction is canceled' : 'transaction is expired') };
}

export function createSnap(request: Request, sim: Simulator): Reply {
  const parsed = parse(snapSchema, request.body);
  if ('problems' in parsed) return snapError(400, parsed.problems);
  const { transaction_details: details, item_details: items } = parsed.data;
  const problem = itemsProblem(details, items);
  if (problem) return snapError(400, [problem]);
  if (repeated(details.order_id, sim)) return snapError(400, ['transaction_details.order_id has already been taken']);

  const tx = newTransaction({ orderId: details.order_id, amount: details.gross_amount, paymentType: null, expiresInMs: 24 * 3600_000, notificationUrls: notificationUrls(request, sim) });
  sim.store.add(tx);
  const token = randomUUID();
  return { status: 201, body: { token, redirect_url: `${sim.publicUrl}/snap/v4/redirection/${token}` } };
}


// Midtrans' refund API (POST /v2/{id}/refund) as the simulator answers it: a settled QRIS or
// e-wallet transaction gives money back, whole or in parts, each part once per refund_key (the
// same key again answers the same refund); each refund changes the transaction's status
// (refund, partial_refund) and is announced by a notification.
import { randomUUID } from 'node:crypto';
import { z } from '@pos/platform';
import { coreError, type Reply, type Request, type Simulator } from './simulator.ts';
import { refundedAmount, statusBody, wireAmount, type Refund, type Transaction } from './transactions.ts';

const refundSchema = z.object({
  refund_key: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional(),
  amount: z.number().int().positive().optional(),
  reason: z.string().max(255).optional(),
}).optional();

/** The payment types Midtrans refunds through this API. */
const REFUNDABLE = new Set(['qris', 'gopay', 'shopeepay', 'credit_card', 'dana', 'ovo', 'akulaku', 'kredivo']);

let chargebackIds = 0;

function refundReply(tx: Transaction, refund: Refund, sim: Simulator): Reply {
  return {
    status: 200,
    body: {
      ...statusBody(tx, sim.merchantId, 'Success, refund request is approved'),
      refund_chargeback_id: refund.refundChargebackId, refund_amount: wireAmount(refund.amount), refund_key: refund.refundKey,
    },
  };
}

export function refund(id: string, request: Request, sim: Simulator): Reply {
  const tx = sim.store.find(id);
  if (!tx || tx.paymentType === null) return coreError(404, "transaction doesn't exist");
  const parsed = refundSchema.safeParse(request.body);
  if (!parsed.success) return coreError(400, 'some fields of the refund are invalid', { validation_messages: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`) });
  const { refund_key: refundKey, amount, reason = '' } = parsed.data ?? {};
  const earlier = tx.refunds.find((r) => r.refundKey === refundKey);
  if (earlier) {
    if (amount !== undefined && amount !== earlier.amount) return coreError(406, 'refund_key has already been used for another amount');
    return refundReply(tx, earlier, sim); // the same refund asked again: nothing is refunded twice
  }
  if (tx.status !== 'settlement' && tx.status !== 'partial_refund') return coreError(412, `a ${tx.status} transaction cannot be refunded`);
  if (!REFUNDABLE.has(tx.paymentType)) return coreError(412, `refund is not supported for payment type ${tx.paymentType}`);
  const left = tx.amount - refundedAmount(tx);
  const refunded = amount ?? left;
  if (refunded > left) return coreError(412, `the refund amount ${refunded} is more than the ${left} left to refund`);

  const made: Refund = { refundChargebackId: ++chargebackIds, refundKey: refundKey ?? randomUUID(), amount: refunded, reason, createdAt: new Date() };
  tx.refunds.push(made);
  void sim.changeStatus(tx, refunded === left ? 'refund' : 'partial_refund');
  return refundReply(tx, made, sim);
}

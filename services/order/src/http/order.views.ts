// Orders and carts as the API shows them.
import { z } from '@pos/platform';
import { receiptNumber, type Order } from '../domain/order.ts';
import { returnReceiptNumber } from '../domain/refund-receipt.ts';
import { returnedByLine } from '../domain/returns.ts';
import { amountDue, paidAmount, TENDER_KINDS } from '../domain/tenders.ts';

export const tenderView = z.object({
  id: z.string(), kind: z.enum(TENDER_KINDS), amount: z.number(), status: z.enum(['pending', 'paid', 'cancelled']),
  tendered: z.number().nullable(), change: z.number().nullable(), externalId: z.string().nullable(), refundDue: z.boolean(),
});

const chargeView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qris'), qrString: z.string(), qrUrl: z.string().nullable(), expiresAt: z.string().nullable() }),
  z.object({ kind: z.literal('snap'), token: z.string(), redirectUrl: z.string() }),
]);

export const discountView = z.object({
  kind: z.enum(['percent', 'amount']), value: z.number(), amount: z.number().describe('the Rupiah it came to'),
  reason: z.string().nullable().describe('set for a price override'),
});

export const orderView = z.object({
  id: z.string(), status: z.enum(['pending', 'paid', 'cancelled', 'expired']), receiptNumber: z.string(),
  outletId: z.string(), tillId: z.string(), cashierId: z.string(), cashierName: z.string(),
  total: z.number(), paid: z.number(), due: z.number(),
  /** The order discount, spread over the lines' orderDiscountShare. */
  discount: discountView.nullable(),
  lines: z.array(z.object({
    lineNo: z.number(), productId: z.string(), sku: z.string(), name: z.string(), unit: z.string(), quantity: z.number(),
    baseQuantity: z.number(), unitPrice: z.number(), listAmount: z.number().describe('before discounts'), discount: discountView.nullable(),
    orderDiscountShare: z.number(), amount: z.number().describe('after discounts: listAmount − discount − orderDiscountShare; the PPN is on it'),
    taxClass: z.string(), tax: z.number(),
    /** Brought back since, by returns. */
    returnedQuantity: z.number(),
  })),
  taxes: z.array(z.object({ taxClass: z.string(), base: z.number(), tax: z.number(), gross: z.number() })),
  taxRule: z.record(z.string(), z.unknown()),
  tenders: z.array(tenderView),
  expiresAt: z.string(), createdAt: z.string(), paidAt: z.string().nullable(),
  /** A sale a till made offline: paidAt is when it was made, createdAt when it arrived. */
  offline: z.object({ late: z.boolean() }).nullable(),
  /** The till's shift it was sold in; null without a till or an open shift. */
  shiftId: z.string().nullable(),
  /** What was returned against it, each return by its refund receipt. */
  returns: z.array(z.object({
    id: z.string(), receiptNumber: z.string(), total: z.number(), createdAt: z.string(),
    lines: z.array(z.object({ lineNo: z.number(), quantity: z.number(), amount: z.number() })),
  })),
});

export const saleFlagView = z.union([
  z.object({ code: z.literal('PRICE_DIFFERS'), productId: z.string(), unit: z.string(), tillPrice: z.number(), catalogPrice: z.number() }),
  z.object({ code: z.literal('STOCK_NEGATIVE'), productId: z.string() }),
  z.object({ code: z.literal('DISCOUNT_BEYOND_LIMIT'), action: z.enum(['discount', 'price-override']), amount: z.number() }),
  z.object({ code: z.literal('SHIFT_CLOSED'), shiftId: z.string() }),
]);
export const offlineSaleView = z.object({ order: orderView, flags: z.array(saleFlagView) });

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

export function shapeOrder(order: Order): z.infer<typeof orderView> {
  const returned = returnedByLine(order.returns ?? []);
  return {
    id: order.id, status: order.status, receiptNumber: receiptNumber(order), outletId: order.outletId, tillId: order.tillId,
    cashierId: order.cashierId, cashierName: order.cashierName, total: order.total, paid: paidAmount(order.tenders), discount: order.discount,
    due: Math.max(0, amountDue(order.total, order.tenders)), lines: order.lines.map((line) => ({ ...line, returnedQuantity: returned.get(line.lineNo) ?? 0 })),
    taxes: order.taxes,
    taxRule: { ...order.taxRule }, tenders: order.tenders,
    expiresAt: new Date(order.expiresAt).toISOString(), createdAt: new Date(order.createdAt).toISOString(), paidAt: iso(order.paidAt),
    offline: order.offline ? { late: order.offline.late } : null,
    shiftId: order.shiftId ?? null,
    returns: (order.returns ?? []).map((r) => ({
      id: r.id, receiptNumber: returnReceiptNumber(r), total: r.total, createdAt: new Date(r.createdAt).toISOString(),
      lines: r.lines.map(({ lineNo, quantity, amount }) => ({ lineNo, quantity, amount })),
    })),
  };
}

export const paymentView = z.object({ order: orderView, payment: tenderView, charge: chargeView.nullable() });

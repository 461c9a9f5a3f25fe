// The receipt of a paid order, as JSON and as plain text for an 80 mm printer (48 columns); it
// shows each discount (a line's under it, the order's under the subtotal) and what was returned
// since, each return by its refund receipt's number. All of it from what the order recorded.
import { ConflictError } from '@pos/platform';
import type { AppliedDiscount } from './discounts.ts';
import { receiptNumber, tillReceiptNumber, type Order } from './order.ts';
import { RETURN_RECEIPT_SERIES } from './order-return.ts';
import { printed, row, rule, rupiah, sellerLines, shopTime, taxLines, centred } from './receipt-layout.ts';
import { paidAmount } from './tenders.ts';

export { RECEIPT_WIDTH } from './receipt-layout.ts';

export function receiptOf(order: Order, timeZone: string) {
  if (order.status !== 'paid') throw new ConflictError('ORDER.NOT_PAID', `order ${order.id} is ${order.status}: only a paid order has a receipt`);
  const paidAt = order.paidAt ?? order.createdAt;
  const returns = (order.returns ?? []).map((r) => ({
    receiptNumber: tillReceiptNumber(r.outletId, r.tillId, r.receiptSeq, RETURN_RECEIPT_SERIES), returnId: r.id, time: shopTime(new Date(r.createdAt), timeZone),
    lines: r.lines.map(({ lineNo, name, unit, quantity, amount, reason, disposition }) => ({ lineNo, name, unit, quantity, amount, reason, disposition })),
    total: r.total,
  }));
  return {
    receiptNumber: receiptNumber(order),
    orderId: order.id,
    seller: order.seller,
    outletId: order.outletId,
    tillId: order.tillId,
    cashier: order.cashierName,
    time: shopTime(paidAt, timeZone),
    timeZone,
    lines: order.lines.map(({ name, unit, quantity, unitPrice, listAmount, discount, orderDiscountShare, amount, taxClass }) =>
      ({ name, unit, quantity, unitPrice, listAmount, discount, orderDiscountShare, amount, taxClass })),
    /** The lines after their own discounts, before the order's. */
    subtotal: order.lines.reduce((sum, line) => sum + line.listAmount - (line.discount?.amount ?? 0), 0),
    discount: order.discount,
    /** Every discount together: what the customer saved. */
    discountTotal: order.lines.reduce((sum, line) => sum + line.listAmount - line.amount, 0),
    total: order.total,
    taxes: order.taxes,
    taxRule: order.taxRule,
    // Cash shows tendered and change; the others their provider's transaction id.
    payments: order.tenders.filter((t) => t.status === 'paid').map((t) => ({
      method: t.kind, amount: t.amount, tendered: t.tendered, change: t.change, transactionId: t.externalId, refundDue: t.refundDue,
    })),
    paid: paidAmount(order.tenders),
    returns,
    /** What the sale comes to after its returns. */
    net: order.total - returns.reduce((sum, r) => sum + r.total, 0),
  };
}

export type Receipt = ReturnType<typeof receiptOf>;

function returnedLines(receipt: Receipt): string[] {
  if (receipt.returns.length === 0) return [];
  return [
    rule, centred('DIRETUR'),
    ...receipt.returns.flatMap((r) => [
      row(`Retur ${r.receiptNumber}`, r.time.slice(0, 10)),
      ...r.lines.map((line) => row(`  ${line.quantity} ${line.unit} ${line.name}`, `-${rupiah(line.amount)}`)),
    ]),
    row('SETELAH RETUR', rupiah(receipt.net)),
  ];
}

const discountLabel = (discount: AppliedDiscount): string =>
  `${discount.reason ? `Ubah harga (${discount.reason})` : 'Diskon'}${discount.kind === 'percent' ? ` ${discount.value}%` : ''}`;

function saleLines(receipt: Receipt): string[] {
  return receipt.lines.flatMap((line) => [
    row(line.name, ''), row(`  ${line.quantity} ${line.unit} x ${rupiah(line.unitPrice)}`, rupiah(line.listAmount)),
    ...(line.discount && line.discount.amount > 0 ? [row(`  ${discountLabel(line.discount)}`, `-${rupiah(line.discount.amount)}`)] : []),
  ]);
}

function totalLines(receipt: Receipt): string[] {
  if (receipt.discountTotal === 0) return [row('TOTAL', rupiah(receipt.total))];
  return [
    ...(receipt.discount ? [row('SUBTOTAL', rupiah(receipt.subtotal)), row(discountLabel(receipt.discount), `-${rupiah(receipt.discount.amount)}`)] : []),
    row('TOTAL', rupiah(receipt.total)),
    row('Anda hemat', rupiah(receipt.discountTotal)),
  ];
}

/** No line is wider than RECEIPT_WIDTH. A reprint says it is a copy at its head and foot. */
export function receiptText(receipt: Receipt & { copy?: boolean }): string {
  const copy = receipt.copy ? [centred('*** SALINAN / COPY ***')] : [];
  return printed([
    ...copy,
    ...sellerLines(receipt.seller),
    rule,
    row(`No ${receipt.receiptNumber}`, ''), row(`Kasir ${receipt.cashier}`, receipt.time),
    rule,
    ...saleLines(receipt),
    rule,
    ...totalLines(receipt),
    ...receipt.payments.flatMap((p) => p.method === 'cash'
      ? [row('Tunai', rupiah(p.tendered ?? p.amount)), row('Kembali', rupiah(p.change ?? 0))]
      : [row(p.method.toUpperCase(), rupiah(p.amount)), row(`  ref ${p.transactionId ?? ''}`, '')]),
    ...returnedLines(receipt),
    rule,
    ...taxLines(receipt.taxes),
    centred('Harga sudah termasuk PPN'),
    ...copy,
  ]);
}

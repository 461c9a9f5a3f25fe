// The refund receipt of a return, as JSON and as 48-column text: its own number in the till's
// refund series, the sale's receipt it was made against, each line with its reason, and how the
// money went back.
import { receiptNumber, tillReceiptNumber, type Order } from './order.ts';
import { RETURN_RECEIPT_SERIES, type OrderReturn } from './order-return.ts';
import { centred, printed, row, rule, rupiah, sellerLines, shopTime, taxLines } from './receipt-layout.ts';

export const returnReceiptNumber = (ret: Pick<OrderReturn, 'outletId' | 'tillId' | 'receiptSeq'>): string =>
  tillReceiptNumber(ret.outletId, ret.tillId, ret.receiptSeq, RETURN_RECEIPT_SERIES);

export function refundReceiptOf(ret: OrderReturn, order: Order, timeZone: string) {
  return {
    receiptNumber: returnReceiptNumber(ret),
    returnId: ret.id,
    orderId: order.id,
    /** The sale's receipt the goods were returned against. */
    saleReceiptNumber: receiptNumber(order),
    seller: order.seller,
    outletId: ret.outletId,
    tillId: ret.tillId,
    cashier: ret.cashierName,
    time: shopTime(new Date(ret.createdAt), timeZone),
    timeZone,
    lines: ret.lines.map(({ lineNo, name, unit, quantity, unitPrice, amount, taxClass, reason, disposition }) =>
      ({ lineNo, name, unit, quantity, unitPrice, amount, taxClass, reason, disposition })),
    total: ret.total,
    taxes: ret.taxes,
    refunds: ret.refunds.map((r) => ({ method: r.method, amount: r.amount, status: r.status, transactionId: r.externalId })),
  };
}

export type RefundReceipt = ReturnType<typeof refundReceiptOf>;

const methodNames = { cash: 'Tunai', qris: 'QRIS', snap: 'SNAP' } as const;
const statusNotes = { paid: '', pending: '  diproses Midtrans', due: '  terutang: hubungi manajer' } as const;

/** No line is wider than RECEIPT_WIDTH. */
export function refundReceiptText(receipt: RefundReceipt): string {
  return printed([
    ...sellerLines(receipt.seller),
    rule,
    centred('RETUR / PENGEMBALIAN DANA'),
    row(`No ${receipt.receiptNumber}`, ''), row(`Atas struk ${receipt.saleReceiptNumber}`, ''), row(`Kasir ${receipt.cashier}`, receipt.time),
    rule,
    ...receipt.lines.flatMap((line) => [
      row(line.name, ''),
      row(`  ${line.quantity} ${line.unit} x ${rupiah(line.unitPrice)}`, `-${rupiah(line.amount)}`),
      row(`  ${line.disposition === 'damaged' ? 'Rusak' : 'Kembali ke stok'}: ${line.reason}`, ''),
    ]),
    rule,
    row('TOTAL PENGEMBALIAN', rupiah(receipt.total)),
    ...receipt.refunds.flatMap((r) => [
      row(methodNames[r.method], rupiah(r.amount)),
      ...(r.transactionId ? [row(`  ref ${r.transactionId}`, '')] : []),
      ...(statusNotes[r.status] ? [row(statusNotes[r.status], '')] : []),
    ]),
    rule,
    ...taxLines(receipt.taxes),
  ]);
}

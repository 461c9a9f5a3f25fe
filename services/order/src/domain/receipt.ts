// The receipt of a paid order, as JSON and as plain text for an 80 mm printer (48 columns).
import { ConflictError } from '@pos/platform';
import { receiptNumber, type Order } from './order.ts';
import { dayIn } from './shop-time.ts';
import { paidAmount } from './tenders.ts';

export const RECEIPT_WIDTH = 48;

export function receiptOf(order: Order, timeZone: string) {
  if (order.status !== 'paid') throw new ConflictError('ORDER.NOT_PAID', `order ${order.id} is ${order.status}: only a paid order has a receipt`);
  const paidAt = order.paidAt ?? order.createdAt;
  return {
    receiptNumber: receiptNumber(order),
    orderId: order.id,
    seller: order.seller,
    outletId: order.outletId,
    tillId: order.tillId,
    cashier: order.cashierName,
    time: `${dayIn(paidAt, timeZone)} ${new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(paidAt)}`,
    timeZone,
    lines: order.lines.map(({ name, unit, quantity, unitPrice, amount, taxClass }) => ({ name, unit, quantity, unitPrice, amount, taxClass })),
    total: order.total,
    taxes: order.taxes,
    taxRule: order.taxRule,
    // Cash shows tendered and change; the others their provider's transaction id.
    payments: order.tenders.filter((t) => t.status === 'paid').map((t) => ({
      method: t.kind, amount: t.amount, tendered: t.tendered, change: t.change, transactionId: t.externalId, refundDue: t.refundDue,
    })),
    paid: paidAmount(order.tenders),
  };
}

export type Receipt = ReturnType<typeof receiptOf>;

const rupiah = (amount: number): string => amount.toLocaleString('id-ID');
/** Left text and right text on one line, the left cut short when both do not fit. */
const row = (left: string, right: string): string => {
  const room = RECEIPT_WIDTH - right.length - 1;
  return `${left.length > room ? left.slice(0, room) : left.padEnd(room)} ${right}`;
};
const centred = (text: string): string => {
  const cut = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - cut.length) / 2)) + cut;
};
const rule = '-'.repeat(RECEIPT_WIDTH);
const classNames = { standard: 'PPN', luxury: 'PPN barang mewah', exempt: 'Bebas PPN' } as const;

/** No line is wider than RECEIPT_WIDTH. */
export function receiptText(receipt: Receipt): string {
  const lines = [
    centred(receipt.seller.name), centred(receipt.seller.address),
    ...(receipt.seller.npwp ? [centred(`NPWP ${receipt.seller.npwp}`)] : []),
    rule,
    row(`No ${receipt.receiptNumber}`, ''), row(`Kasir ${receipt.cashier}`, receipt.time),
    rule,
    ...receipt.lines.flatMap((line) => [row(line.name, ''), row(`  ${line.quantity} ${line.unit} x ${rupiah(line.unitPrice)}`, rupiah(line.amount))]),
    rule,
    row('TOTAL', rupiah(receipt.total)),
    ...receipt.payments.flatMap((p) => p.method === 'cash'
      ? [row('Tunai', rupiah(p.tendered ?? p.amount)), row('Kembali', rupiah(p.change ?? 0))]
      : [row(p.method.toUpperCase(), rupiah(p.amount)), row(`  ref ${p.transactionId ?? ''}`, '')]),
    rule,
    ...receipt.taxes.map((t) => row(`${classNames[t.taxClass]} atas ${rupiah(t.base)}`, rupiah(t.tax))),
    centred('Harga sudah termasuk PPN'),
  ];
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

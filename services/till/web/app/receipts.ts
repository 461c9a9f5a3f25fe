// The receipt of the sale just made (or the last one again, marked COPY), from an online
// order or a sale of the till's own (the kit's receiptOfSale); printing is printing.ts.
import { signal } from '@preact/signals';
import { quantityText, type Cart } from '../kit/cart.ts';
import { receiptTime, type ReceiptDiscount, type ReceiptModel, type ReceiptPayment } from '../kit/receipt.ts';
import type { Order, OrderDiscount } from './draft.ts';
import { SHOP_TIME_ZONE } from './settings.ts';

export const shownReceipt = signal<ReceiptModel | undefined>(undefined);
export const printProblem = signal<string | undefined>(undefined);
/** Why the order app refused a reprint (its error code). */
export const reprintRefused = signal<string | undefined>(undefined);

/** The receipt's heading on the till: which outlet and till (the seller's details are the order app's). */
export const receiptHeader = (device: { outletId: string; code: string; name: string }): string[] =>
  [...(device.name && device.name !== device.code ? [device.name] : []), `${device.outletId} · ${device.code}`];

/** An online sale's receipt, from the paid order; quantities read as the cart had them (grams of a weighed line as kg). */
export function receiptOfOrder(order: Order, cart: Cart, header: string[]): ReceiptModel {
  const payments: ReceiptPayment[] = order.tenders.filter((tender) => tender.status === 'paid').map((tender) => (tender.kind === 'cash'
    ? { kind: 'cash', amount: tender.amount, tendered: tender.tendered ?? tender.amount }
    : { kind: tender.kind, amount: tender.amount }));
  return {
    header, receiptNumber: order.receiptNumber, orderId: order.id, cashier: order.cashierName, time: receiptTime(new Date(order.paidAt ?? order.createdAt), SHOP_TIME_ZONE),
    offline: false, copy: false,
    lines: order.lines.map((line, index) => {
      const mine = cart.lines[index];
      const quantity = mine?.productId === line.productId ? quantityText(mine) : `${line.quantity} ${line.unit}`;
      const discount = line.discount && line.discount.amount > 0 ? discountOf(line.discount) : undefined;
      return { name: line.name, quantity, unitPrice: line.unitPrice, amount: line.listAmount ?? line.amount, ...(discount && { discount }) };
    }),
    ...(order.discount && order.discount.amount > 0 && { saleDiscount: discountOf(order.discount) }),
    discountTotal: order.lines.reduce((sum, line) => sum + (line.listAmount ?? line.amount) - line.amount, 0),
    total: order.total, payments, taxes: order.taxes,
  };
}

/** The order's record of a discount as the receipt shows it. */
const discountOf = (given: OrderDiscount): ReceiptDiscount =>
  ({ amount: given.amount, ...(given.kind === 'percent' && { percent: given.value }), ...(given.reason && { reason: given.reason }) });

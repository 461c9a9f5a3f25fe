// The receipt of the sale just made (or the last one, reprinted as a COPY), and printing it.
// Printing comes after the sale is recorded and never holds it up: a printer that fails or
// is missing is reported beside the receipt, and the next sale can start at once.
import { signal } from '@preact/signals';
import { readKv } from './db.ts';
import type { Order } from './draft.ts';
import type { OfflineSale } from './db.ts';
import type { ReceiptData } from './kit.ts';

export interface ShownReceipt { data: ReceiptData; copy: boolean }
export const shownReceipt = signal<ShownReceipt | undefined>(undefined);
export const printProblem = signal<string | undefined>(undefined);

/** The receipt's heading: which outlet and till (the seller's own details are the order app's). */
export const shopLine = (device: { outletId: string; code: string }) => `${device.outletId} · ${device.code}`;
const when = (iso: string) => new Date(iso).toLocaleString('id-ID', { dateStyle: 'short', timeStyle: 'short' });

export function receiptOfOrder(order: Order, shop: string): ReceiptData {
  const paid = order.tenders.filter((tender) => tender.status === 'paid');
  return {
    shop, receiptNumber: order.receiptNumber, soldAt: when(order.paidAt ?? order.createdAt), cashier: order.cashierName,
    lines: order.lines.map((line) => ({ name: line.name, quantity: line.quantity, unit: line.unit, unitPrice: line.unitPrice, amount: line.amount })),
    total: order.total, tax: order.taxes.reduce((sum, tax) => sum + tax.tax, 0),
    tenders: paid.map((tender) => ({ label: tender.kind.toUpperCase(), amount: tender.tendered ?? tender.amount })),
    change: paid.reduce((sum, tender) => sum + (tender.change ?? 0), 0), offline: false,
  };
}

export function receiptOfSale(sale: OfflineSale, shop: string): ReceiptData {
  const cash = sale.tenders.filter((tender) => tender.kind === 'cash');
  return {
    shop, receiptNumber: sale.receiptNumber, soldAt: when(sale.soldAt), cashier: sale.cashier,
    lines: sale.body.lines.map((line, index) => ({
      name: sale.lines[index]?.name ?? line.productId, quantity: line.quantity, unit: line.unit, unitPrice: line.unitPrice, amount: line.lineTotal,
    })),
    total: sale.body.totals.total, tax: sale.body.totals.tax,
    tenders: sale.tenders.map((tender) => ({ label: tender.kind === 'cash' ? 'CASH' : 'PAID ELSEWHERE', amount: tender.kind === 'cash' ? tender.tendered : tender.amount })),
    change: cash.reduce((sum, tender) => sum + tender.tendered - tender.amount, 0), offline: true,
  };
}

/** The browser's print dialog, after the receipt is on the page; any failure is only reported. */
export function printShown(): void {
  printProblem.value = undefined;
  setTimeout(() => {
    try {
      window.print();
    } catch (error) {
      printProblem.value = String(error);
    }
  }, 0);
}

export function showReceipt(data: ReceiptData, options: { copy?: boolean; print?: boolean } = {}): void {
  shownReceipt.value = { data, copy: options.copy ?? false };
  if (options.print) printShown();
}

/** The last sale's receipt again, marked COPY. */
export async function reprintLast(): Promise<boolean> {
  const last = await readKv<ReceiptData>('lastReceipt');
  if (!last) return false;
  showReceipt(last, { copy: true, print: true });
  return true;
}

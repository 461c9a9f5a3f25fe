// The customer's receipt: text for 80 mm (48 columns) and 58 mm (32 columns) paper, and the
// same as ESC/POS bytes for a thermal printer, with the drawer kicked open for cash. A reprint
// says COPY at its top and bottom and never opens the drawer.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { quantityText } from './cart.ts';
import { translator, type Language } from './i18n.ts';
import { formatAmount } from './money.ts';
import type { Discount } from './discounts.ts';
import type { OfflineSale } from './outbox.ts';
import { centred, row, rule } from './receipt-layout.ts';
import type { ClassTotal } from './tax.ts';
import { changeDue } from './tenders.ts';

export const PAPER_COLUMNS = { '80mm': 48, '58mm': 32 } as const;

export type ReceiptPayment =
  | { kind: 'cash'; amount: number; tendered: number }
  | { kind: 'external' | 'qris' | 'snap'; amount: number; reference?: string };

/** A discount as the receipt shows it: its Rupiah, its percent if given so, its reason if a price override. */
export interface ReceiptDiscount { amount: number; percent?: number; reason?: string }

/** What a receipt shows, whatever made the sale (an offline sale, or an order's receipt). */
export interface ReceiptModel {
  /** The shop's name, address, NPWP: centred at the top. */
  header: string[];
  receiptNumber: string;
  /** The order's id of a sale made online: its reprint is asked of the order app. */
  orderId?: string;
  cashier: string;
  /** As printed: "2025-06-01 10:04:05". */
  time: string;
  offline: boolean;
  copy: boolean;
  /** `amount` before discounts; the line's own discount under it. */
  lines: { name: string; quantity: string; unitPrice: number; amount: number; discount?: ReceiptDiscount }[];
  /** The discount on the whole sale, under the subtotal (the lines after their own discounts). */
  saleDiscount?: ReceiptDiscount;
  /** Every discount together; none (or 0) prints no discount rows. */
  discountTotal?: number;
  total: number;
  payments: ReceiptPayment[];
  taxes: ClassTotal[];
}

/** "2025-06-01 10:04:05" in the shop's time zone, as the order service prints it. */
export function receiptTime(instant: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(instant);
  return `${day} ${clock}`;
}

/** The receipt's view of a discount given as `given` that came to `amount` Rupiah. */
export function receiptDiscount(given: Discount | undefined, amount: number): ReceiptDiscount | undefined {
  if (!given || amount === 0) return undefined;
  return { amount, ...('percent' in given && { percent: given.percent }), ...(given.reason && { reason: given.reason }) };
}

export function receiptOfSale(sale: OfflineSale, shop: { header: string[]; cashier: string; timeZone: string }, copy = false): ReceiptModel {
  const saleDiscount = receiptDiscount(sale.discount, sale.totals.saleDiscount);
  return {
    header: shop.header, receiptNumber: sale.receiptNumber, cashier: shop.cashier, time: receiptTime(new Date(sale.soldAt), shop.timeZone),
    offline: true, copy,
    lines: sale.lines.map((line) => {
      const discount = receiptDiscount(line.discount, line.discountAmount);
      return { name: line.name, quantity: quantityText(line), unitPrice: line.unitPrice, amount: line.listAmount, ...(discount && { discount }) };
    }),
    ...(saleDiscount && { saleDiscount }), discountTotal: sale.totals.discountTotal,
    total: sale.totals.total, payments: sale.tenders, taxes: sale.totals.byClass,
  };
}

function discountRows(receipt: ReceiptModel, columns: number, t: ReturnType<typeof translator>): { line: (d: ReceiptDiscount | undefined) => string[]; totals: string[] } {
  const label = (d: ReceiptDiscount) => `${d.reason ? `${t('receipt.priceOverride')} (${d.reason})` : t('receipt.discount')}${d.percent === undefined ? '' : ` ${d.percent}%`}`;
  const line = (d: ReceiptDiscount | undefined) => (d ? row(`  ${label(d)}`, `-${formatAmount(d.amount)}`, columns) : []);
  const total = row(t('receipt.total'), formatAmount(receipt.total), columns);
  if (!receipt.discountTotal) return { line, totals: total };
  const beforeSale = receipt.total + (receipt.saleDiscount?.amount ?? 0);
  return {
    line,
    totals: [
      ...(receipt.saleDiscount ? [...row(t('receipt.subtotal'), formatAmount(beforeSale), columns), ...row(label(receipt.saleDiscount), `-${formatAmount(receipt.saleDiscount.amount)}`, columns)] : []),
      ...total, ...row(t('receipt.saved'), formatAmount(receipt.discountTotal), columns),
    ],
  };
}

/** The receipt as lines of at most `columns` characters. */
export function receiptLines(receipt: ReceiptModel, columns: number, language: Language): string[] {
  const t = translator(language);
  const amount = formatAmount;
  const copy = receipt.copy ? centred(t('receipt.copy'), columns) : [];
  const cash = receipt.payments.filter((p) => p.kind === 'cash');
  const discounts = discountRows(receipt, columns, t);
  const payment = (p: ReceiptPayment): string[] => {
    if (p.kind === 'cash') return row(t('receipt.cash'), amount(p.tendered), columns);
    const label = row(t(p.kind === 'external' ? 'receipt.external' : p.kind === 'qris' ? 'tender.qris' : 'tender.snap'), amount(p.amount), columns);
    return p.reference ? [...label, ...row(`  ${t('receipt.reference')} ${p.reference}`, '', columns)] : label;
  };
  return [
    ...receipt.header.flatMap((text) => centred(text, columns)),
    rule(columns),
    ...copy,
    ...row(`${t('receipt.number')} ${receipt.receiptNumber}`, '', columns),
    ...row(`${t('receipt.cashier')} ${receipt.cashier}`, receipt.time, columns),
    ...(receipt.offline ? row(t('receipt.offline'), '', columns) : []),
    rule(columns),
    ...receipt.lines.flatMap((line) => [
      ...row(line.name, '', columns), ...row(`  ${line.quantity} x ${amount(line.unitPrice)}`, amount(line.amount), columns), ...discounts.line(line.discount),
    ]),
    rule(columns),
    ...discounts.totals,
    ...receipt.payments.flatMap(payment),
    ...(cash.length > 0 ? row(t('receipt.change'), amount(changeDue(cash)), columns) : []),
    rule(columns),
    ...receipt.taxes.flatMap((tax) => row(t('receipt.taxOn', { label: t(`receipt.tax.${tax.taxClass}`), base: amount(tax.base) }), amount(tax.tax), columns)),
    ...centred(t('receipt.taxIncluded'), columns),
    ...centred(t('receipt.thanks'), columns),
    ...copy,
  ].map((line) => line.trimEnd());
}

export const receiptText = (receipt: ReceiptModel, columns: number, language: Language): string => `${receiptLines(receipt, columns, language).join('\n')}\n`;

/** An original receipt paid (partly) in cash opens the drawer; a copy never does. */
export const opensDrawer = (receipt: ReceiptModel): boolean => !receipt.copy && receipt.payments.some((p) => p.kind === 'cash');

/** ESC/POS for the receipt: drawer kick first (when due), the lines, a feed, a partial cut. */
export function receiptEscPos(receipt: ReceiptModel, columns: number, language: Language): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns, newline: '\n', feedBeforeCut: 4 });
  let commands = encoder.initialize();
  if (opensDrawer(receipt)) commands = commands.pulse();
  for (const line of receiptLines(receipt, columns, language)) commands = commands.line(line);
  return commands.cut('partial').encode();
}

/** ESC/POS that only opens the drawer (a no-sale). */
export const drawerKick = (): Uint8Array => new ReceiptPrinterEncoder({ language: 'esc-pos' }).initialize().pulse().encode();

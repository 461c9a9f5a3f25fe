// TEMPORARY: the few domain rules the screens need, until till-kit's modules (web/kit/) are
// merged; then this file re-exports them and disappears.
import { encode } from 'uqr';

export type TaxClass = 'standard' | 'luxury' | 'exempt';

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
export const formatRupiah = (amount: number): string => rupiah.format(amount);

/** PPN included in a shelf price (12% on 11/12 of it for standard, 12% for luxury). */
const effectiveRate: Record<TaxClass, [number, number]> = { standard: [11, 100], luxury: [12, 100], exempt: [0, 1] };
export function includedTax(amount: number, taxClass: TaxClass): number {
  const [num, den] = effectiveRate[taxClass];
  return Math.floor((2 * amount * num + (den + num)) / (2 * (den + num)));
}

export interface CartLine { productId: string; sku: string; name: string; unit: string; quantity: number; unitPrice: number; taxClass: TaxClass }
export const lineTotal = (line: CartLine): number => line.quantity * line.unitPrice;
export function cartTotals(lines: CartLine[]): { total: number; tax: number } {
  return lines.reduce((sum, line) => ({ total: sum.total + lineTotal(line), tax: sum.tax + includedTax(lineTotal(line), line.taxClass) }), { total: 0, tax: 0 });
}
export function addToCart(lines: CartLine[], line: CartLine): CartLine[] {
  const same = lines.findIndex((l) => l.productId === line.productId && l.unit === line.unit);
  if (same < 0) return [...lines, line];
  return lines.map((l, i) => (i === same ? { ...l, quantity: l.quantity + line.quantity } : l));
}

export const receiptNumber = (code: string, counter: number): string => `${code}-${String(counter).padStart(6, '0')}`;

export type LocalTender = { kind: 'cash'; amount: number; tendered: number } | { kind: 'external'; amount: number; reference?: string };
export function offlineSaleBody(sale: { receiptNumber: string; soldAt: string; outletId: string; lines: CartLine[]; tenders: LocalTender[] }) {
  return {
    receiptNumber: sale.receiptNumber, soldAt: sale.soldAt, outletId: sale.outletId,
    lines: sale.lines.map((l) => ({ productId: l.productId, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: lineTotal(l), taxClass: l.taxClass })),
    totals: cartTotals(sale.lines),
    tenders: sale.tenders,
  };
}
export type OfflineSaleBody = ReturnType<typeof offlineSaleBody>;
export type UploadOutcome = { kind: 'done' } | { kind: 'retry' } | { kind: 'attention'; reason: string };
export function classifyUpload(status: number, body: unknown): UploadOutcome {
  if (status === 200 || status === 201) return { kind: 'done' };
  const code = (body as { error?: { code?: string } } | null)?.error?.code ?? `HTTP ${status}`;
  if (status === 409 || status === 422 || status === 403 || status === 400) return { kind: 'attention', reason: code };
  return { kind: 'retry' };
}
export const retryDelayMs = (attempts: number): number => Math.min(5 * 60_000, 2_000 * 2 ** Math.min(attempts, 10));

export function quickCash(due: number): number[] {
  const notes = [2_000, 5_000, 10_000, 20_000, 50_000, 100_000];
  const options = new Set<number>([due]);
  for (const note of notes) { const up = Math.ceil(due / note) * note; if (up > due) options.add(up); }
  return [...options].sort((a, b) => a - b).slice(0, 5);
}

export interface QrMatrix { size: number; dark: (x: number, y: number) => boolean }
export function qrMatrix(text: string): QrMatrix {
  const qr = encode(text, { ecc: 'M', border: 0 });
  return { size: qr.size, dark: (x, y) => qr.data[y]?.[x] === true };
}

/** Wedge scanners type a whole code within a few ms per key and end it with Enter. */
export function looksScanned(keyTimes: number[]): boolean {
  if (keyTimes.length < 6) return false;
  for (let i = 1; i < keyTimes.length; i++) if ((keyTimes[i] ?? 0) - (keyTimes[i - 1] ?? 0) > 35) return false;
  return true;
}

export interface ReceiptLine { name: string; quantity: number; unit: string; unitPrice: number; amount: number }
export interface ReceiptData {
  shop: string; receiptNumber: string; soldAt: string; cashier: string; lines: ReceiptLine[]; total: number; tax: number;
  tenders: { label: string; amount: number }[]; change: number; offline: boolean;
}
export function receiptText(receipt: ReceiptData, width: 48 | 32, copy: boolean): string {
  const pad = (left: string, right: string) => `${left.slice(0, width - right.length - 1).padEnd(width - right.length)}${right}`;
  const money = (n: number) => n.toLocaleString('id-ID');
  const rows = [receipt.shop, copy ? '*** COPY ***' : '', receipt.receiptNumber, receipt.soldAt, receipt.cashier, '-'.repeat(width)];
  for (const l of receipt.lines) rows.push(l.name.slice(0, width), pad(`  ${l.quantity} ${l.unit} x ${money(l.unitPrice)}`, money(l.amount)));
  rows.push('-'.repeat(width), pad('TOTAL', money(receipt.total)), pad('PPN incl.', money(receipt.tax)));
  for (const t of receipt.tenders) rows.push(pad(t.label, money(t.amount)));
  if (receipt.change) rows.push(pad('Change', money(receipt.change)));
  return rows.filter((r) => r !== '').join('\n');
}

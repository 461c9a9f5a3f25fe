// How receipts are laid out on an 80 mm printer: 48 columns, amounts never cut.
import type { Seller } from './order.ts';
import { dayIn } from './shop-time.ts';
import type { TaxSummaryLine } from './tax.ts';

export const RECEIPT_WIDTH = 48;

export const rupiah = (amount: number): string => amount.toLocaleString('id-ID');

/** Left text and right text on one line, the left cut short when both do not fit. */
export const row = (left: string, right: string): string => {
  const room = RECEIPT_WIDTH - right.length - 1;
  return `${left.length > room ? left.slice(0, room) : left.padEnd(room)} ${right}`;
};

export const centred = (text: string): string => {
  const cut = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - cut.length) / 2)) + cut;
};

export const rule = '-'.repeat(RECEIPT_WIDTH);

const classNames = { standard: 'PPN', luxury: 'PPN barang mewah', exempt: 'Bebas PPN' } as const;

export const sellerLines = (seller: Seller): string[] =>
  [centred(seller.name), centred(seller.address), ...(seller.npwp ? [centred(`NPWP ${seller.npwp}`)] : [])];

export const taxLines = (taxes: readonly TaxSummaryLine[]): string[] => taxes.map((t) => row(`${classNames[t.taxClass]} atas ${rupiah(t.base)}`, rupiah(t.tax)));

/** `2026-11-26 14:05:09` in the shop's time zone. */
export const shopTime = (at: Date, timeZone: string): string =>
  `${dayIn(at, timeZone)} ${new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(at)}`;

/** Every line trimmed and ended, none wider than RECEIPT_WIDTH. */
export const printed = (lines: readonly string[]): string => `${lines.map((line) => line.trimEnd()).join('\n')}\n`;

// Printing a receipt: to a thermal printer on a serial port (Web Serial, where the browser has
// it: the kit's ESC/POS bytes, the drawer kicked for cash), else the browser's print dialog
// with the print stylesheet (80 or 58 mm, no page headers). It always comes after the sale is
// recorded, and a printer that fails or is missing is only reported: the next sale goes on.
import { signal } from '@preact/signals';
import { drawerKick, PAPER_COLUMNS, receiptEscPos, type ReceiptModel } from '../kit/receipt.ts';
import { ApiError, call, Unreachable } from './api.ts';
import { ApprovalCancelled, approvalHeaders, withApproval } from './approval.ts';
import { readKv } from './db.ts';
import { language } from './i18n.ts';
import { printProblem, reprintRefused, shownReceipt } from './receipts.ts';
import { paperWidth } from './settings.ts';

/** What the till needs of Web Serial (not yet in TypeScript's DOM types). */
interface SerialPortLike { open(options: { baudRate: number }): Promise<void>; readonly writable: WritableStream<Uint8Array> | null }
interface SerialLike { requestPort(): Promise<SerialPortLike>; getPorts(): Promise<SerialPortLike[]> }
const serial = (): SerialLike | undefined => (navigator as Navigator & { serial?: SerialLike }).serial;

export const serialSupported = () => serial() !== undefined;
export const escPosPrinter = signal<SerialPortLike | undefined>(undefined);

/** The printer chosen on an earlier day, if the browser still grants it. */
export async function reconnectPrinter(): Promise<void> {
  const [port] = (await serial()?.getPorts()) ?? [];
  if (!port) return;
  try {
    await port.open({ baudRate: 9600 });
    escPosPrinter.value = port;
  } catch (error) {
    printProblem.value = String(error);
  }
}

/** The cashier picks the printer's port (the browser asks); its bytes go there from now on. */
export async function choosePrinter(): Promise<void> {
  const port = await serial()?.requestPort();
  if (!port) return;
  await port.open({ baudRate: 9600 });
  escPosPrinter.value = port;
}

async function sendEscPos(port: SerialPortLike, receipt: ReceiptModel): Promise<void> {
  const writer = port.writable?.getWriter();
  if (!writer) throw new Error('the printer port is not writable');
  try {
    await writer.write(receiptEscPos(receipt, PAPER_COLUMNS[paperWidth.value === 80 ? '80mm' : '58mm'], language.value));
  } finally {
    writer.releaseLock();
  }
}

/** Millimetres of print per receipt line (styles.css: 2.5 mm type, line height 1.25), and of
 * padding and feed around the lines. */
const LINE_MM = 2.5 * 1.25;
const EDGES_MM = 2 * 2 + 6;

/** One page of the paper's width and the receipt's length (@page cannot say "as long as it is"). */
function fitPageToReceipt(width: number = paperWidth.value): void {
  const receipt = document.querySelector<HTMLElement>('.receipt');
  if (!receipt) return;
  const lines = (receipt.textContent ?? '').split('\n').length;
  let style = document.getElementById('receipt-page');
  if (!style) {
    style = document.createElement('style');
    style.id = 'receipt-page';
    document.head.append(style);
  }
  style.textContent = `@page { size: ${width}mm ${Math.ceil(lines * LINE_MM + EDGES_MM)}mm; margin: 0; }`;
}

/** Prints the receipt on the screen (after it is drawn); any failure is reported beside it. */
export function printShown(): void {
  printProblem.value = undefined;
  const receipt = shownReceipt.value;
  setTimeout(() => {
    const port = escPosPrinter.value;
    const printed = port && receipt ? sendEscPos(port, receipt) : new Promise<void>((resolve) => { fitPageToReceipt(); window.print(); resolve(); });
    printed.catch((error: unknown) => { printProblem.value = String(error); });
  }, 0);
}

export function showReceipt(receipt: ReceiptModel, options: { print?: boolean } = {}): void {
  shownReceipt.value = receipt;
  if (options.print) printShown();
}

let reprinting = false;
/** The receipt shown (or the last sale's) again, marked COPY (the drawer stays shut). An online
 * sale's copy is asked of the order app first (POST /orders/:id/reprints: audited, and for a
 * cashier a manager's approval, the PIN pad); offline, or a sale of the till's own, it is the
 * till's alone. */
export async function reprint(): Promise<boolean> {
  const receipt = shownReceipt.value ?? (await readKv<ReceiptModel>('lastReceipt'));
  if (!receipt || reprinting) return false;
  reprinting = true;
  reprintRefused.value = undefined;
  try {
    if (receipt.orderId) {
      const orderId = receipt.orderId;
      await withApproval((approval) => call('order', `/orders/${orderId}/reprints`, { method: 'POST', headers: approvalHeaders(approval) }));
    }
  } catch (error) {
    if (error instanceof ApprovalCancelled) return false;
    if (!(error instanceof Unreachable)) {
      reprintRefused.value = error instanceof ApiError ? error.code : String(error);
      return false;
    }
  } finally {
    reprinting = false;
  }
  showReceipt({ ...receipt, copy: true }, { print: true });
  return true;
}

/** The drawer kicked open (a no-sale), when a receipt printer holds it; else the cashier opens it by hand. */
export async function kickDrawer(): Promise<void> {
  const port = escPosPrinter.value;
  const writer = port?.writable?.getWriter();
  if (!writer) return;
  try {
    await writer.write(drawerKick());
  } catch (error) {
    printProblem.value = String(error);
  } finally {
    writer.releaseLock();
  }
}

/** The X or Z report on the screen to the browser's print dialog: 48 columns on the 80 mm roll. */
export function printShownReport(): void {
  setTimeout(() => {
    try {
      fitPageToReceipt(80);
      window.print();
    } catch (error) {
      printProblem.value = String(error);
    }
  }, 0);
}

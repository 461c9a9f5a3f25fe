// How a sale made on the till is paid: one or more tenders until nothing is due. Cash pays what
// is due (or all of itself when less) and the rest is change, as the order service's cash
// tender does. Offline only what the till can know is paid is offered: cash, and "paid
// elsewhere" (a card terminal, a transfer: the cashier sees it done and notes its reference).

export type OfflineTender =
  | { kind: 'cash'; amount: number; tendered: number }
  | { kind: 'external'; amount: number; reference?: string };

export type TenderKind = 'cash' | 'external' | 'qris' | 'snap';

/** Rupiah banknotes in use, smallest first. */
export const BANKNOTES = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000] as const;

export type TenderErrorCode = 'NOTHING_DUE' | 'AMOUNT_INVALID' | 'OVER_DUE';

/** A tender the sale refuses; `code` names it for the screen (i18n key `tender.error.<code>`). */
export class TenderError extends Error {
  readonly code: TenderErrorCode;
  constructor(code: TenderErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const paid = (tenders: readonly OfflineTender[]): number => tenders.reduce((sum, tender) => sum + tender.amount, 0);

/** What is still to pay. */
export const remainingDue = (total: number, tenders: readonly OfflineTender[]): number => total - paid(tenders);

export const isPaidInFull = (total: number, tenders: readonly OfflineTender[]): boolean => remainingDue(total, tenders) <= 0;

/** What the customer gets back: cash handed over beyond what it paid. */
export const changeDue = (tenders: readonly OfflineTender[]): number =>
  tenders.reduce((sum, tender) => sum + (tender.kind === 'cash' ? tender.tendered - tender.amount : 0), 0);

function dueOrRefuse(total: number, tenders: readonly OfflineTender[], amount: number): number {
  const due = remainingDue(total, tenders);
  if (due <= 0) throw new TenderError('NOTHING_DUE', 'nothing is left to pay');
  if (!Number.isSafeInteger(amount) || amount < 1) throw new TenderError('AMOUNT_INVALID', `an amount is whole Rupiah above 0, not ${amount}`);
  return due;
}

/** Cash handed over: the tenders with it added. */
export function payCash(total: number, tenders: readonly OfflineTender[], tendered: number): OfflineTender[] {
  const due = dueOrRefuse(total, tenders, tendered);
  return [...tenders, { kind: 'cash', amount: Math.min(tendered, due), tendered }];
}

/** Paid elsewhere (all that is due unless less is given); never more than is due: there is no change from a card. */
export function payElsewhere(total: number, tenders: readonly OfflineTender[], amount?: number, reference?: string): OfflineTender[] {
  const due = dueOrRefuse(total, tenders, amount ?? remainingDue(total, tenders));
  const charged = amount ?? due;
  if (charged > due) throw new TenderError('OVER_DUE', `${charged} is more than the ${due} still due`);
  const note = reference?.trim();
  return [...tenders, { kind: 'external', amount: charged, ...(note ? { reference: note } : {}) }];
}

/** The quick-cash buttons: for each banknote, the least sum of it that covers `due`, above `due` itself (that is the exact-amount button), smallest first. */
export function quickCashAmounts(due: number): number[] {
  if (due <= 0) return [];
  const amounts = new Set(BANKNOTES.map((note) => Math.ceil(due / note) * note).filter((amount) => amount > due));
  return [...amounts].sort((a, b) => a - b);
}

export interface TenderOption {
  kind: TenderKind;
  available: boolean;
  /** Why not, as an i18n key. */
  unavailableReason?: 'tender.qrisNeedsNetwork' | 'tender.snapNeedsNetwork';
}

/**
 * The tenders to offer. QRIS and Snap need the network twice: Midtrans makes the QR code or the
 * payment page for each charge, and says it was paid by notifying the order service. Offline the
 * till could show neither nor ever learn the money came, so they are not offered (a customer who
 * pays the shop's printed QRIS sticker is "paid elsewhere", with the reference they show).
 */
export function tenderOptions(online: boolean): TenderOption[] {
  return [
    { kind: 'cash', available: true },
    { kind: 'external', available: true },
    online ? { kind: 'qris', available: true } : { kind: 'qris', available: false, unavailableReason: 'tender.qrisNeedsNetwork' },
    online ? { kind: 'snap', available: true } : { kind: 'snap', available: false, unavailableReason: 'tender.snapNeedsNetwork' },
  ];
}

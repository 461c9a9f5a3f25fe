// The sale being made: its cart (the kit's) and, once the cashier pays, its payment. Written
// to IndexedDB at every change, so a reload or a browser crash finds it as it was.
import { computed, signal } from '@preact/signals';
import * as cart from '../kit/cart.ts';
import type { ScaleLabel } from '../kit/scale-label.ts';
import { DEFAULT_TAX_RATES, shopDay, taxRuleOn, type ClassTotal, type TaxRule } from '../kit/tax.ts';
import type { OfflineTender } from '../kit/tenders.ts';
import { readKv, writeKv, type StoredProduct } from './db.ts';
import { SHOP_TIME_ZONE } from './settings.ts';

/** A discount as the order app records it. */
export interface OrderDiscount { kind: 'percent' | 'amount'; value: number; amount: number; reason: string | null }
export interface OrderLine {
  lineNo: number; productId: string; name: string; unit: string; quantity: number; unitPrice: number;
  /** Before discounts (older orders: absent, the amount). */
  listAmount?: number; discount?: OrderDiscount | null; amount: number; tax: number;
}
export interface OrderTender { id: string; kind: 'cash' | 'qris' | 'snap'; amount: number; status: 'pending' | 'paid' | 'cancelled'; tendered: number | null; change: number | null }
/** An order as the order app shows it (the fields the till reads). */
export interface Order {
  id: string; status: 'pending' | 'paid' | 'cancelled' | 'expired'; receiptNumber: string; cashierName: string;
  total: number; paid: number; due: number; lines: OrderLine[]; discount?: OrderDiscount | null; taxes: ClassTotal[]; tenders: OrderTender[]; paidAt: string | null; createdAt: string;
}
export type Charge = { kind: 'qris'; tenderId: string; amount: number; qrString: string; expiresAt: string | null }
  | { kind: 'snap'; tenderId: string; amount: number; redirectUrl: string };

export type Payment =
  /** Through the order app: the order id is made once, before the first checkout call. */
  | { mode: 'online'; orderId: string; order?: Order; charge?: Charge; attempt?: { key: string; body: unknown } }
  /** Recorded on the till, uploaded later: cash and paid elsewhere only. */
  | { mode: 'local'; tenders: OfflineTender[]; note?: 'unreachable' };

export interface Draft {
  cart: cart.Cart;
  /** The scanned code of each scale label's line (by line id): online, order reads the label itself. */
  labels: Record<number, string>;
  payment?: Payment;
}

export const emptyDraft = (): Draft => ({ cart: cart.emptyCart(), labels: {} });
export const draft = signal<Draft>(emptyDraft());

/** The PPN rule of today in the shop (the order app's defaults: a VAT-registered shop). */
export const taxRule = (): TaxRule => taxRuleOn(DEFAULT_TAX_RATES, shopDay(new Date(), SHOP_TIME_ZONE), true);
export const totals = computed(() => cart.cartTotals(draft.value.cart, taxRule()));

export async function loadDraft(): Promise<void> {
  const kept = await readKv<Draft>('draft');
  draft.value = kept?.cart?.version === 1 ? kept : emptyDraft();
}

let writes: Promise<unknown> = Promise.resolve();
/** Runs IndexedDB work on the draft in the order it was asked for: two quick changes (a key
 * pressed while the last add is written) never write an older draft over a newer one. */
export function inOrder<T>(work: () => Promise<T>): Promise<T> {
  const run = writes.then(work);
  writes = run.catch(() => undefined);
  return run;
}

/** The screen sees the change at once; IndexedDB has it a moment later, in order. A change
 * the kit refuses (CartError) throws here and changes nothing. */
export function updateDraft(change: (current: Draft) => Draft): Promise<void> {
  const next = change(draft.value);
  draft.value = next;
  return inOrder(() => writeKv('draft', next));
}
export const saveDraft = (next: Draft) => updateDraft(() => next);

const withCart = (change: (current: cart.Cart) => cart.Cart) => updateDraft((current) => ({ ...current, cart: change(current.cart) }));

export const addUnits = (product: StoredProduct, unit: string, quantity = 1) => withCart((current) => cart.addUnits(current, product, unit, quantity));
export const addWeighed = (product: StoredProduct, grams: number) => withCart((current) => cart.addWeighed(current, product, grams));
export const addScaleLabel = (product: StoredProduct, label: ScaleLabel, code: string) => updateDraft((current) => ({
  ...current, cart: cart.addScaleLabel(current.cart, product, label), labels: { ...current.labels, [current.cart.nextLineId]: code },
}));
export const setQuantity = (lineId: number, quantity: number) => withCart((current) => cart.setQuantity(current, lineId, quantity));
export const changeUnit = (lineId: number, product: StoredProduct, unit: string) => withCart((current) => cart.changeUnit(current, lineId, product, unit));
export const removeLine = (lineId: number) => withCart((current) => cart.removeLine(current, lineId));

/** The unit a product picked from the search is sold by: its base unit's (a piece, not a carton). */
export const defaultUnit = (product: StoredProduct): string | undefined =>
  (product.units.find((unit) => unit.name === product.baseUnit) ?? product.units[0])?.name;

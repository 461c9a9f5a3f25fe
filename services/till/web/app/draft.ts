// The sale being made: its cart and, once the cashier pays, its payment. Written to IndexedDB
// at every change, so a reload or a browser crash finds it as it was.
import { computed, signal } from '@preact/signals';
import type { StoredProduct, CatalogueUnit } from './db.ts';
import { readKv, writeKv } from './db.ts';
import { addToCart, cartTotals, type CartLine, type LocalTender } from './kit.ts';

export interface OrderLine { productId: string; name: string; unit: string; quantity: number; unitPrice: number; amount: number; tax: number }
export interface OrderTender { id: string; kind: 'cash' | 'qris' | 'snap'; amount: number; status: 'pending' | 'paid' | 'cancelled'; tendered: number | null; change: number | null }
/** An order as the order app shows it (the fields the till reads). */
export interface Order {
  id: string; status: 'pending' | 'paid' | 'cancelled' | 'expired'; receiptNumber: string; cashierName: string;
  total: number; paid: number; due: number; lines: OrderLine[]; taxes: { tax: number }[]; tenders: OrderTender[]; paidAt: string | null; createdAt: string;
}
export type Charge = { kind: 'qris'; tenderId: string; amount: number; qrString: string; expiresAt: string | null }
  | { kind: 'snap'; tenderId: string; amount: number; redirectUrl: string };

export type Payment =
  /** Through the order app: the order id is made once, before the first checkout call. */
  | { mode: 'online'; orderId: string; order?: Order; charge?: Charge; attempt?: { key: string; body: unknown } }
  /** Recorded on the till, uploaded later: cash and paid elsewhere only. */
  | { mode: 'local'; tenders: LocalTender[]; note?: 'unreachable' };

export interface Draft { lines: CartLine[]; payment?: Payment }

const EMPTY: Draft = { lines: [] };
export const draft = signal<Draft>(EMPTY);
export const totals = computed(() => cartTotals(draft.value.lines));

export async function loadDraft(): Promise<void> {
  draft.value = (await readKv<Draft>('draft')) ?? EMPTY;
}

let writes: Promise<unknown> = Promise.resolve();
/** Runs IndexedDB work on the draft in the order it was asked for: two quick changes (a key
 * pressed while the last add is written) never write an older draft over a newer one. */
export function inOrder<T>(work: () => Promise<T>): Promise<T> {
  const run = writes.then(work);
  writes = run.catch(() => undefined);
  return run;
}

/** The screen sees the change at once; IndexedDB has it a moment later, in order. */
export function updateDraft(change: (current: Draft) => Draft): Promise<void> {
  const next = change(draft.value);
  draft.value = next;
  return inOrder(() => writeKv('draft', next));
}
export const saveDraft = (next: Draft) => updateDraft(() => next);

const lineOf = (product: StoredProduct, unit: CatalogueUnit, quantity: number): CartLine => ({
  productId: product.id, sku: product.sku, name: product.name, unit: unit.name, quantity, unitPrice: unit.price, taxClass: product.taxClass,
});

export const addLine = (product: StoredProduct, unit: CatalogueUnit, quantity = 1) =>
  updateDraft((current) => ({ ...current, lines: addToCart(current.lines, lineOf(product, unit, quantity)) }));

export function setQuantity(index: number, quantity: number): Promise<void> {
  if (!Number.isInteger(quantity) || quantity < 1) return removeLine(index);
  return updateDraft((current) => ({ ...current, lines: current.lines.map((line, i) => (i === index ? { ...line, quantity } : line)) }));
}

export function setUnit(index: number, unit: CatalogueUnit): Promise<void> {
  return updateDraft((current) => ({ ...current, lines: current.lines.map((line, i) => (i === index ? { ...line, unit: unit.name, unitPrice: unit.price } : line)) }));
}

export const removeLine = (index: number) => updateDraft((current) => ({ ...current, lines: current.lines.filter((_, i) => i !== index) }));

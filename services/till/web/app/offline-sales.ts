// Sales made on the till alone, and their way to the server. The sale's id and its receipt
// number are made in the one IndexedDB transaction that records it, with the next counter and
// the cleared cart: a crash leaves either the sale with its number or the cart, never a gap,
// a repeated number, or a sale recorded twice. A retry sends the same id and body again.
import { signal } from '@preact/signals';
import { db, type OfflineSale } from './db.ts';
import type { Draft } from './draft.ts';
import { offlineSaleBody, receiptNumber, type CartLine, type LocalTender } from './kit.ts';
import type { Device } from './session.ts';
import { receiptOfSale, shopLine } from './receipts.ts';
import { newId } from './uuid.ts';

export const waitingCount = signal(0);
export const attention = signal<OfflineSale[]>([]);

export async function refreshCounts(): Promise<void> {
  waitingCount.value = await db.sales.where('state').equals('waiting').count();
  attention.value = await db.sales.where('state').equals('attention').toArray();
}

/** Records a paid sale and clears the cart (the draft), in one transaction. */
export async function recordSale(device: Device, cashier: string, lines: CartLine[], tenders: LocalTender[], emptyDraft: Draft): Promise<OfflineSale> {
  const sale = await db.transaction('rw', db.kv, db.sales, async () => {
    const counter = ((await db.kv.get('receiptCounter'))?.value as number | undefined ?? 0) + 1;
    const soldAt = new Date().toISOString();
    const number = receiptNumber(device.code, counter);
    const recorded: OfflineSale = {
      id: newId(), receiptNumber: number, soldAt, state: 'waiting', cashier, lines, tenders, attempts: 0, nextAttemptAt: 0,
      body: offlineSaleBody({ receiptNumber: number, soldAt, outletId: device.outletId, lines, tenders }),
    };
    await db.sales.add(recorded);
    await db.kv.put({ key: 'receiptCounter', value: counter });
    await db.kv.put({ key: 'draft', value: emptyDraft });
    await db.kv.put({ key: 'lastReceipt', value: receiptOfSale(recorded, shopLine(device)) });
    return recorded;
  });
  await refreshCounts();
  return sale;
}

/** Sales the server does not have yet (waiting or needing attention): what logout must not lose. */
export const unsentCount = () => db.sales.where('state').anyOf('waiting', 'attention').count();

/** A file with every sale not yet on the server, for the back office when the till cannot send them. */
export async function exportUnsent(): Promise<{ name: string; text: string }> {
  const sales = await db.sales.where('state').anyOf('waiting', 'attention').toArray();
  const text = JSON.stringify({ exportedAt: new Date().toISOString(), sales: sales.map((sale) => ({ id: sale.id, state: sale.state, reason: sale.reason, body: sale.body })) }, null, 2);
  return { name: `till-sales-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, text };
}

export async function retrySale(id: string): Promise<void> {
  await db.sales.update(id, { state: 'waiting', attempts: 0, nextAttemptAt: 0, reason: undefined });
  await refreshCounts();
}

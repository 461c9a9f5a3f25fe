// Sales made on the till alone, and what waits of them. The sale's id and its receipt number
// are made in the one IndexedDB transaction that records it, with the till's last receipt
// number and the cleared cart: a crash leaves either the sale with its number or the cart,
// never a gap, a repeated number, or a sale recorded twice. Its upload body is made then too,
// once: a retry sends the same id and body again.
import { signal } from '@preact/signals';
import type { Cart } from '../kit/cart.ts';
import { recordSale as frozenSale, uploadBody } from '../kit/outbox.ts';
import { receiptOfSale, type ReceiptModel } from '../kit/receipt.ts';
import { nextReceiptNumber } from '../kit/receipt-number.ts';
import type { OfflineTender } from '../kit/tenders.ts';
import { db, type StoredSale } from './db.ts';
import { emptyDraft, taxRule } from './draft.ts';
import { receiptHeader } from './receipts.ts';
import type { Device } from './session.ts';
import { SHOP_TIME_ZONE } from './settings.ts';
import { newId } from './uuid.ts';

export const waitingCount = signal(0);
export const attention = signal<StoredSale[]>([]);

export async function refreshCounts(): Promise<void> {
  waitingCount.value = await db.sales.where('state').equals('waiting').count();
  attention.value = await db.sales.where('state').equals('attention').toArray();
}

/** The key of a till's last receipt number: per code, so a till registered again starts its own. */
const lastNumberKey = (device: Device) => `lastReceiptNumber:${device.code}`;

/** Records a paid sale, clears the cart and keeps its receipt for a reprint, in one transaction. */
export async function recordSale(device: Device, cashier: string, cart: Cart, tenders: OfflineTender[]): Promise<{ sale: StoredSale; receipt: ReceiptModel }> {
  const made = await db.transaction('rw', db.kv, db.sales, async () => {
    const last = (await db.kv.get(lastNumberKey(device)))?.value as string | undefined;
    const receiptNumber = nextReceiptNumber(device.code, last ?? null);
    const frozen = frozenSale({ id: newId(), receiptNumber, soldAt: new Date(), outletId: device.outletId }, cart, taxRule(), tenders);
    const recorded: StoredSale = { ...frozen, body: uploadBody(frozen), state: 'waiting', cashier, attempts: 0, nextAttemptAt: 0 };
    const receipt = receiptOfSale(frozen, { header: receiptHeader(device), cashier, timeZone: SHOP_TIME_ZONE });
    await db.sales.add(recorded);
    await db.kv.bulkPut([{ key: lastNumberKey(device), value: receiptNumber }, { key: 'draft', value: emptyDraft() }, { key: 'lastReceipt', value: receipt }]);
    return { sale: recorded, receipt };
  });
  await refreshCounts();
  return made;
}

/** Sales the server does not have yet (waiting or needing attention): what logout must not lose. */
export const unsentCount = () => db.sales.where('state').anyOf('waiting', 'attention').count();

/** A file with every sale not yet on the server, for the back office when the till cannot send them. */
export async function exportUnsent(): Promise<{ name: string; text: string }> {
  const sales = await db.sales.where('state').anyOf('waiting', 'attention').sortBy('soldAt');
  const text = JSON.stringify({
    exportedAt: new Date().toISOString(),
    sales: sales.map((sale) => ({ id: sale.id, state: sale.state, refusal: sale.refusal, put: `/offline-sales/${sale.id}`, body: sale.body })),
  }, null, 2);
  return { name: `till-sales-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, text };
}

export async function retrySale(id: string): Promise<void> {
  await db.sales.update(id, { state: 'waiting', attempts: 0, nextAttemptAt: 0, refusal: undefined });
  await refreshCounts();
}

// What a scan does, wherever the till is: on the receipt of the last sale it starts the next
// one; while paying it is ignored (the cart is closed); otherwise the item goes in the cart.
// The listener is the page's own, from start-up on, so no key of a scan falls between screens.
import { signal } from '@preact/signals';
import { findByCode } from './catalogue.ts';
import { addLine, draft } from './draft.ts';
import type { Key } from './i18n.ts';
import { shownReceipt } from './receipts.ts';

export interface Notice { key: Key; vars: Record<string, string> }
export const saleNotice = signal<Notice | undefined>(undefined);

export async function addScanned(code: string): Promise<void> {
  if (draft.value.payment) { saleNotice.value = { key: 'scan.whilePaying', vars: { code } }; return; }
  shownReceipt.value = undefined;
  const found = await findByCode(code);
  if (!found) { saleNotice.value = { key: 'scan.unknown', vars: { code } }; return; }
  await addLine(found.product, found.unit);
  saleNotice.value = { key: 'cart.added', vars: { name: found.product.name } };
}

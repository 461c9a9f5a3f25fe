// What a scan does, wherever the till is: on the receipt of the last sale it starts the next
// one, in the back office it goes back to the sale; while paying it is ignored (the cart is
// closed); otherwise the item goes in the cart, a scale label as the weight and price it
// carries. The listener is the page's own, from start-up on, so no key of a scan falls between
// two screens.
import { signal } from '@preact/signals';
import { CartError, MAX_QUANTITY } from '../kit/cart.ts';
import { lookUpScan } from './catalogue.ts';
import { addScaleLabel, addUnits, draft } from './draft.ts';
import type { Key } from './i18n.ts';
import { officeOpen } from './office.ts';
import { shownReceipt } from './receipts.ts';

export interface Notice { key: Key; params: Record<string, string | number>; bad?: boolean }
export const saleNotice = signal<Notice | undefined>(undefined);

/** Runs a change of the cart; the kit's refusal becomes the notice instead of an error. */
export async function cartChange(change: () => Promise<void>, done?: Notice): Promise<void> {
  try {
    await change();
    if (done) saleNotice.value = done;
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    saleNotice.value = { key: `cart.error.${error.code}`, params: { max: MAX_QUANTITY }, bad: true };
  }
}

export async function addScanned(code: string): Promise<void> {
  if (draft.value.payment) { saleNotice.value = { key: 'scan.whilePaying', params: { code }, bad: true }; return; }
  shownReceipt.value = undefined;
  officeOpen.value = false;
  const found = await lookUpScan(code);
  switch (found.kind) {
    case 'misread': saleNotice.value = { key: 'scan.misread', params: { code }, bad: true }; return;
    case 'unknown': saleNotice.value = { key: 'sale.codeUnknown', params: { code }, bad: true }; return;
    case 'inactive': saleNotice.value = { key: 'sale.inactive', params: { name: found.product.name }, bad: true }; return;
    case 'unit': await cartChange(() => addUnits(found.product, found.unit), { key: 'cart.added', params: { name: found.product.name } }); return;
    case 'label': await cartChange(() => addScaleLabel(found.product, found.label, code), { key: 'cart.added', params: { name: found.product.name } });
  }
}

// Printing the receipt, in Chromium against the real stack: the print stylesheet gives one
// page of the roll's width (80 or 58 mm) and the receipt's length with no margins (so no
// browser headers), a reprint is marked as a copy, and a failing printer never holds up a sale.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { cartLine, cashReady, closeDevices, enterPin, launch, logIn, newDevice, pinPad, registerTill, scan, screenshot } from './support/browser.ts';
import { newAccount, newProduct, setPin, type Account, type TestProduct } from './support/stack-data.ts';

const MM = 72 / 25.4;

/** The pages of a PDF as [width, height] in mm (Chromium writes one MediaBox per page). */
function pagesOf(pdf: Buffer): [number, number][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)]
    .map((match) => [Math.round(Number(match[1]) / MM), Math.round(Number(match[2]) / MM)]);
}

describe('the till in the browser, receipts', function () {
  this.timeout(180_000);
  let browser: Browser;
  let manager: Account;
  let cashier: Account;
  let soap: TestProduct;

  before(async () => {
    browser = await launch();
    [manager, cashier, soap] = await Promise.all([newAccount('manager'), newAccount('cashier'), newProduct('Sabun mandi 85 g', 4_500)]);
    await setPin(manager, '2468');
  });
  afterEach(async function () { await closeDevices(browser, this.currentTest); });
  after(async () => { await browser?.close(); });

  /** A cash sale of one soap, with the browser's print() replaced by `printer` (run in the page). */
  async function sale(printer: string): Promise<Page> {
    const { page } = await newDevice(browser);
    await page.addInitScript(printer);
    await page.reload();
    await registerTill(page, manager, `R${randomUUID().slice(0, 6).toUpperCase()}`);
    await logIn(page, cashier);
    await scan(page, soap.barcode);
    await cartLine(page, soap.name).waitFor();
    await page.keyboard.press('F2');
    await cashReady(page);
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    return page;
  }
  const printed = async (page: Page) => Number(await page.evaluate('window.printed'));

  it('prints one page as wide as the 80 mm roll and as long as the receipt; on 58 mm paper too; a reprint is a copy, approved by a manager', async () => {
    const page = await sale('window.printed = 0; window.print = () => { window.printed += 1; }');
    await page.waitForFunction('window.printed === 1');
    const onRoll = pagesOf(await page.pdf({ preferCSSPageSize: true }));
    assert.equal(onRoll.length, 1);
    const [first] = onRoll;
    assert.equal(first?.[0], 80);
    assert.ok((first?.[1] ?? 0) > 40 && (first?.[1] ?? 0) < 200, `a receipt's length, not a sheet's: ${first?.[1]} mm`);

    await page.getByLabel('Kertas').selectOption('58');
    // A copy of an online sale is the order app's to allow: a cashier's needs a manager's PIN.
    await page.keyboard.press('F8');
    await enterPin(page, manager, '2468');
    await pinPad(page).waitFor({ state: 'hidden' });
    await page.waitForFunction('window.printed === 2');
    await page.getByRole('heading', { name: 'Struk (salinan)' }).waitFor();
    const receipt = await page.getByTestId('receipt').innerText();
    assert.ok(receipt.split('\n').every((line) => line.length <= 32), receipt);
    assert.match(receipt, /\*\*\* SALINAN \*\*\*/);
    const pages = pagesOf(await page.pdf({ preferCSSPageSize: true }));
    assert.equal(pages.length, 1);
    assert.equal(pages[0]?.[0], 58);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'web-receipt-print-58');
    assert.equal(await printed(page), 2);
  });

  it('a printer that fails is reported beside the receipt; the sale is recorded and the next one starts', async () => {
    const page = await sale("window.print = () => { throw new Error('printer offline'); }");
    await page.getByRole('alert').filter({ hasText: /Gagal mencetak .*printer offline.*penjualan sudah tercatat/ }).waitFor();
    await screenshot(page, 'web-receipt-printer-failed');
    await page.keyboard.press('Enter');
    await page.getByLabel('Cari atau pindai produk').waitFor();
    await scan(page, soap.barcode);
    await cartLine(page, soap.name).waitFor();
  });
});

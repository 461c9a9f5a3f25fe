// The till as a person uses it, online, in Chromium against the real stack: a manager
// registers the device, a cashier logs in and sells for cash, scanning and searching.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { assertAccessible, cartLine, cashReady, closeDevices, enterPin, launch, logIn, newDevice, pinPad, registerTill, scan, screenshot, tillOf, typeSlowly } from './support/browser.ts';
import { newAccount, newProduct, orderOf, ordersOfTill, setPin, type Account, type TestProduct } from './support/stack-data.ts';

const tillCode = () => `W${randomUUID().slice(0, 6).toUpperCase()}`;

describe('the till in the browser, online', function () {
  this.timeout(180_000);
  let browser: Browser;
  let manager: Account;
  let cashier: Account;
  let tea: TestProduct;
  let coffee: TestProduct;

  before(async () => {
    browser = await launch();
    [manager, cashier, tea, coffee] = await Promise.all([
      newAccount('manager'), newAccount('cashier'), newProduct('Teh melati 350 ml', 3_500), newProduct('Kopi tubruk 200 g', 18_000),
    ]);
    await setPin(manager, '2468');
  });
  afterEach(async function () { await closeDevices(browser, this.currentTest); });
  after(async () => { await browser?.close(); });

  it('a manager registers the till, a cashier logs in, scans one item and searches another, pays cash with change; the receipt shows and the server has the paid order', async () => {
    const { context, page } = await newDevice(browser);
    await page.getByRole('heading', { name: 'Daftarkan kasir ini' }).waitFor();
    await assertAccessible(page, 'registration');
    await screenshot(page, 'web-register');
    const code = tillCode();
    await registerTill(page, manager, code);
    await assertAccessible(page, 'login');
    await screenshot(page, 'web-login');
    await logIn(page, cashier);

    // A wedge scan, typed into the focused search field, lands in the cart and not in the field.
    await scan(page, tea.barcode);
    await cartLine(page, tea.name).waitFor();
    assert.equal(await page.getByLabel('Cari atau pindai produk').inputValue(), '');
    // Search as you type: a person's keys, then Enter on the first result.
    await typeSlowly(page, 'tubruk');
    await page.getByRole('option', { name: new RegExp(coffee.name) }).waitFor();
    await assertAccessible(page, 'sale (with search results)');
    await page.keyboard.press('Enter');
    await cartLine(page, coffee.name).waitFor();
    await page.keyboard.press('+'); // a second coffee: the last line's quantity
    await page.getByTestId('total').filter({ hasText: 'Rp 39.500' }).waitFor();
    await screenshot(page, 'web-sale');

    await page.keyboard.press('F2');
    await page.getByTestId('due').filter({ hasText: 'Rp 39.500' }).waitFor();
    await assertAccessible(page, 'tender');
    await screenshot(page, 'web-tender');
    await cashReady(page);
    await page.keyboard.type('50.000');
    await page.keyboard.press('Enter');
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    const text = await receipt.innerText();
    assert.match(text, /Teh melati 350 ml/);
    assert.match(text, /2 pcs x 18\.000 +36\.000/);
    assert.match(text, /Kembali +10\.500/);
    await assertAccessible(page, 'receipt');
    await screenshot(page, 'web-receipt');

    const orders = await ordersOfTill(await tillOf(page));
    assert.equal(orders.length, 1);
    assert.deepEqual([orders[0]?.status, orders[0]?.total], ['paid', 39_500]);
    const order = await orderOf(orders[0]?.id ?? '');
    assert.match(text, new RegExp(`No\\s+${String(order.receiptNumber)}`));

    // Enter starts the next sale; a reprint (F8) is marked as a copy: a cashier's needs a manager's PIN.
    await page.keyboard.press('Enter');
    await page.getByLabel('Cari atau pindai produk').waitFor();
    await page.keyboard.press('F8');
    await enterPin(page, manager, '2468');
    await pinPad(page).waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Struk (salinan)' }).waitFor();
    assert.match(await receipt.innerText(), /\*\*\* SALINAN \*\*\*/);
    await context.close();
  });

  it('a scan into the cash field is never read as the amount tendered', async () => {
    const { context, page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    await logIn(page, cashier);
    await scan(page, tea.barcode);
    await cartLine(page, tea.name).waitFor(); // a tender key acts on the cart as it is
    await page.keyboard.press('F2');
    const tendered = page.getByLabel('Uang diterima');
    await tendered.waitFor();
    await typeSlowly(page, '5');
    await scan(page, coffee.barcode);
    await page.getByRole('status').filter({ hasText: /dipindai saat pembayaran/ }).waitFor();
    assert.equal(await tendered.inputValue(), '5');
    await context.close();
  });

  it('Enter pressed right after F2, while the order is still being made, is not lost: the cash is taken once the order is there', async () => {
    const { context, page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    await logIn(page, cashier);
    // The order app answers the checkout slowly: the Enter comes while the payment starts.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/api/order/orders', async (route) => { await held; await route.continue(); });
    await scan(page, tea.barcode);
    await cartLine(page, tea.name).waitFor();
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter'); // the exact amount: nothing typed, the button not yet enabled
    await page.getByText('Membuat pesanan…').waitFor();
    release();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    assert.match(await receipt.innerText(), /Tunai +3\.500/);
    const orders = await ordersOfTill(await tillOf(page));
    assert.deepEqual(orders.map((order) => [order.status, order.total]), [['paid', 3_500]]);
    await context.close();
  });

  it('the till speaks English when switched, and keeps the choice', async () => {
    const { context, page } = await newDevice(browser);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Register this till' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Register this till' }).waitFor();
    await assertAccessible(page, 'registration (English)');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Daftarkan kasir ini' }).waitFor();
    await context.close();
  });
});

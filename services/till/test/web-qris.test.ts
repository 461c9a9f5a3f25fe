// QRIS and Snap at the till, in Chromium against the real stack and the Midtrans simulator:
// the QR code is drawn from Midtrans' QR string, the sale completes by itself once the customer
// pays, a QRIS abandoned is cancelled at the server, and one sale may mix cash and QRIS.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually, request } from '@pos/platform/testing';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, cartLine, cashReady, closeDevices, launch, logIn, newDevice, registerTill, scan, screenshot, tillOf } from './support/browser.ts';
import { newAccount, newProduct, orderDb, ordersOfTill, type Account, type TestProduct } from './support/stack-data.ts';

const SIMULATOR = 'http://127.0.0.1:3900';
const tillCode = () => `Q${randomUUID().slice(0, 6).toUpperCase()}`;

async function pendingCharge(orderId: string, kind: 'qris' | 'snap'): Promise<string> {
  const { rows } = await orderDb.query<{ id: string }>("SELECT id FROM tenders WHERE order_id = $1 AND kind = $2 AND status = 'pending'", [orderId, kind]);
  assert.equal(rows.length, 1, `one pending ${kind} tender`);
  return rows[0]?.id ?? '';
}

/** The customer pays: the simulator settles the charge and notifies order's webhook. */
async function customerPays(chargeId: string): Promise<void> {
  const reply = await request('POST', `${SIMULATOR}/_simulator/transactions/${chargeId}/settle`);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
}

describe('the till in the browser, QRIS and Snap', function () {
  this.timeout(180_000);
  let browser: Browser;
  let manager: Account;
  let cashier: Account;
  let bread: TestProduct;

  before(async () => {
    browser = await launch();
    [manager, cashier, bread] = await Promise.all([newAccount('manager'), newAccount('cashier'), newProduct('Roti gandum', 15_500)]);
  });
  afterEach(async function () { await closeDevices(browser, this.currentTest); });
  after(async () => { await browser?.close(); });

  async function saleOfBread(): Promise<{ page: Page; till: { tillId: string; code: string }; close: () => Promise<void> }> {
    const { context, page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    await logIn(page, cashier);
    await scan(page, bread.barcode);
    await cartLine(page, 'Roti gandum').waitFor();
    return { page, till: await tillOf(page), close: () => context.close() };
  }

  const qrCode = (page: Page) => page.getByRole('img', { name: 'Minta pelanggan memindai kode ini' });

  it('QRIS: the code is shown with its expiry and the sale completes by itself when the customer pays', async () => {
    const { page, till, close } = await saleOfBread();
    await page.keyboard.press('F3');
    await page.getByRole('button', { name: /Tampilkan kode QRIS/, disabled: false }).waitFor();
    await page.keyboard.press('Enter');
    await qrCode(page).waitFor();
    await page.getByText(/^Berakhir dalam \d+:\d\d$/).waitFor();
    await assertAccessible(page, 'QRIS');
    await screenshot(page, 'web-qris');
    const [order] = await ordersOfTill(till);
    await customerPays(await pendingCharge(order?.id ?? '', 'qris'));
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 30_000 });
    assert.match(await receipt.innerText(), /QRIS +15\.500/);
    assert.deepEqual((await ordersOfTill(till)).map((row) => row.status), ['paid']);
    await close();
  });

  it('a QRIS abandoned with Esc (twice: the customer may be paying) is cancelled at the server, and the cart stays', async () => {
    const { page, till, close } = await saleOfBread();
    await page.keyboard.press('F3');
    await page.getByRole('button', { name: /Tampilkan kode QRIS/, disabled: false }).waitFor();
    await page.keyboard.press('Enter');
    await qrCode(page).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alert').filter({ hasText: /Esc sekali lagi/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Cari atau pindai produk').waitFor();
    await cartLine(page, 'Roti gandum').waitFor();
    await eventually(async () => assert.deepEqual((await ordersOfTill(till)).map((row) => row.status), ['cancelled']));
    await close();
  });

  it('one sale paid part in cash and the rest by QRIS', async () => {
    const { page, till, close } = await saleOfBread();
    await page.keyboard.press('F2');
    await cashReady(page);
    await page.keyboard.type('5.000');
    await page.keyboard.press('Enter');
    await page.getByTestId('due').filter({ hasText: 'Rp 10.500' }).waitFor();
    await page.keyboard.press('F3');
    await page.getByRole('button', { name: /Tampilkan kode QRIS/, disabled: false }).waitFor();
    await page.keyboard.press('Enter');
    await qrCode(page).waitFor();
    const [order] = await ordersOfTill(till);
    await customerPays(await pendingCharge(order?.id ?? '', 'qris'));
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 30_000 });
    const text = await receipt.innerText();
    assert.match(text, /Tunai +5\.000/);
    assert.match(text, /QRIS +10\.500/);
    await close();
  });

  it('Snap: a payment link, shown as a link and a QR code, pays the sale', async () => {
    const { page, till, close } = await saleOfBread();
    await page.keyboard.press('F4');
    await page.getByRole('button', { name: /Buat tautan bayar/, disabled: false }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'Kode QR tautan bayar' }).waitFor();
    await page.getByRole('link').filter({ hasText: /^https?:\/\// }).waitFor();
    await assertAccessible(page, 'Snap');
    const [order] = await ordersOfTill(till);
    await customerPays(await pendingCharge(order?.id ?? '', 'snap'));
    await page.getByTestId('receipt').waitFor({ timeout: 30_000 });
    await close();
  });
});

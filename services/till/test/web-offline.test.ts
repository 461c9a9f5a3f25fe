// The till offline, in Chromium against the real stack: it sells cash with no network, keeps
// the cart and the waiting sale across a reload (its shell from the service worker), uploads
// the sale once when the network is back (also when the first answer is lost), and lets only
// one tab sell.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eventually } from '@pos/platform/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertAccessible, cartLine, cashReady, closeDevices, goOffline, goOnline, launch, logIn, newDevice, registerTill, scan, screenshot, shellCached, tillOf } from './support/browser.ts';
import { newAccount, newProduct, ordersOfTill, stockOf, type Account, type TestProduct } from './support/stack-data.ts';

const tillCode = () => `O${randomUUID().slice(0, 6).toUpperCase()}`;

describe('the till in the browser, offline', function () {
  this.timeout(180_000);
  let browser: Browser;
  let manager: Account;
  let cashier: Account;
  let water: TestProduct;

  before(async () => {
    browser = await launch();
    [manager, cashier, water] = await Promise.all([newAccount('manager'), newAccount('cashier'), newProduct('Air mineral 600 ml', 4_000)]);
  });
  afterEach(async function () { await closeDevices(browser, this.currentTest); });
  after(async () => { await browser?.close(); });

  /** A registered till with a cashier logged in, its shell cached by the service worker. */
  async function readyTill(): Promise<{ context: BrowserContext; page: Page; till: { tillId: string; code: string } }> {
    const { context, page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    await logIn(page, cashier);
    await shellCached(page);
    return { context, page, till: await tillOf(page) };
  }

  async function sellCashOffline(page: Page): Promise<void> {
    await scan(page, water.barcode);
    await cartLine(page, water.name).waitFor();
    await page.keyboard.press('F2');
    await page.getByText(/^Offline: hanya tunai/).waitFor();
    await cashReady(page); // Enter submits only while the take-cash button is enabled
    await page.keyboard.type('10.000');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
  }

  it('offline it sells cash (QRIS says why not), keeps cart and waiting sale across a reload, and uploads the sale once when back online', async () => {
    const { context, page, till } = await readyTill();
    await goOffline(context);
    await page.getByText('offline — 0 penjualan menunggu').waitFor();

    await scan(page, water.barcode);
    await cartLine(page, water.name).waitFor(); // a tender key acts on the cart as it is
    await page.keyboard.press('F3');
    await page.getByText(/^QRIS butuh jaringan/).waitFor();
    await assertAccessible(page, 'tender offline');
    await screenshot(page, 'web-offline-qris');
    await page.keyboard.press('F2');
    await page.keyboard.type('10.000');
    await page.keyboard.press('Enter');
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    const first = await receipt.innerText();
    assert.match(first, /Dicatat offline/);
    const number = /No (\S+-000001)/.exec(first)?.[1];
    assert.ok(number, `a till receipt number on\n${first}`);
    await page.getByText('offline — 1 penjualan menunggu').waitFor();
    await assertAccessible(page, 'receipt offline');
    await screenshot(page, 'web-offline-receipt');

    // The next sale is in the cart when the page is reloaded, still offline.
    await page.keyboard.press('Enter');
    await scan(page, water.barcode);
    await cartLine(page, water.name).waitFor();
    await page.reload();
    await page.getByText('offline — 1 penjualan menunggu').waitFor();
    await cartLine(page, water.name).waitFor();
    await screenshot(page, 'web-offline-reloaded');
    assert.deepEqual(await ordersOfTill(till), []);

    // Logout is refused while the sale waits.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('alert').filter({ hasText: /belum terkirim/ }).waitFor();

    await goOnline(context);
    await page.getByText('Online', { exact: true }).waitFor({ timeout: 30_000 });
    const orders = await eventually(async () => {
      const found = await ordersOfTill(till);
      assert.equal(found.length, 1);
      return found;
    });
    assert.deepEqual(orders.map((order) => [order.status, order.total, order.till_receipt]), [['paid', 4_000, number]]);
    // The cart survived the reload and sells on, online now: its own order with the server's number.
    await page.keyboard.press('F2');
    await cashReady(page);
    await page.getByRole('button', { name: /Uang pas/ }).click();
    await receipt.waitFor();
    assert.doesNotMatch(await receipt.innerText(), /Dicatat offline/);
    assert.equal((await ordersOfTill(till)).length, 2);
    await context.close();
  });

  it('20 sales made offline land as exactly 20 orders once the network is back, their receipt numbers unchanged, the stock moved once', async () => {
    const { context, page, till } = await readyTill();
    const onHandBefore = (await stockOf(water.id)).onHand;
    await goOffline(context);
    const numbers: string[] = [];
    for (let sale = 1; sale <= 20; sale++) {
      await sellCashOffline(page);
      const number = /No (\S+-\d{6})/.exec(await page.getByTestId('receipt').innerText())?.[1];
      assert.ok(number, `sale ${sale} has a till receipt number`);
      numbers.push(number);
      await page.keyboard.press('Enter');
    }
    await page.getByText('offline — 20 penjualan menunggu').waitFor();
    assert.deepEqual(numbers, numbers.map((_, i) => `${till.code}-${String(i + 1).padStart(6, '0')}`), 'no gaps, no repeats');
    assert.deepEqual(await ordersOfTill(till), []);

    await goOnline(context);
    await page.getByText('Online', { exact: true }).waitFor({ timeout: 60_000 });
    const orders = await eventually(async () => {
      const found = await ordersOfTill(till);
      assert.equal(found.length, 20);
      return found;
    }, { timeoutMs: 60_000 });
    assert.deepEqual(orders.map((order) => order.till_receipt).sort(), [...numbers].sort());
    assert.ok(orders.every((order) => order.status === 'paid' && order.total === water.price));
    await eventually(async () => assert.equal((await stockOf(water.id)).onHand, onHandBefore - 20), { timeoutMs: 30_000 });
    await context.close();
  });

  it('an upload whose answer is lost is sent again and lands once', async () => {
    const { context, page, till } = await readyTill();
    await goOffline(context);
    await sellCashOffline(page);
    await page.keyboard.press('Enter');
    await sellCashOffline(page);
    await page.getByText('offline — 2 penjualan menunggu').waitFor();
    // Back online, but the first answers to each upload are lost on the way back.
    let dropped = 0;
    await context.route('**/api/order/offline-sales/**', async (route) => {
      if (dropped >= 2) { await route.continue(); return; }
      dropped++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await context.unroute('**/api/**');
    await context.setOffline(false);
    await eventually(async () => assert.equal((await ordersOfTill(till)).length, 2), { timeoutMs: 60_000 });
    await page.getByText('Online', { exact: true }).waitFor({ timeout: 60_000 });
    const orders = await ordersOfTill(till);
    assert.deepEqual(orders.map((order) => order.status), ['paid', 'paid']);
    assert.equal(new Set(orders.map((order) => order.till_receipt)).size, 2);
    assert.equal(dropped, 2);
    await context.close();
  });

  it('a sale refused for good waits under "needs attention" with the reason while the next goes up; it can be exported, and a retry sends it', async () => {
    const { context, page, till } = await readyTill();
    await goOffline(context);
    await sellCashOffline(page);
    await page.keyboard.press('Enter');
    await sellCashOffline(page);
    await page.keyboard.press('Enter');
    // The first sale's upload is refused as a conflict would be; the second's goes through.
    const refused = new Set<string>();
    await context.route('**/api/order/offline-sales/**', async (route) => {
      const sale = route.request().postDataJSON() as { receiptNumber: string };
      if (!sale.receiptNumber.endsWith('-000001')) { await route.continue(); return; }
      refused.add(sale.receiptNumber);
      await route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'OFFLINE_SALE.CONFLICT', message: 'recorded with another body' } }) });
    });
    await goOnline(context);
    await page.getByRole('button', { name: '1 penjualan perlu perhatian' }).click({ timeout: 30_000 });
    await page.getByText('Penjualan lain sudah dikirim dengan ID yang sama').waitFor();
    await eventually(async () => assert.deepEqual((await ordersOfTill(till)).map((order) => order.till_receipt?.slice(-6)), ['000002']));
    await assertAccessible(page, 'needs attention');
    await screenshot(page, 'web-needs-attention');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor penjualan yang menunggu' }).click()]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { sales: { state: string; body: { receiptNumber: string } }[] };
    assert.deepEqual(exported.sales.map((sale) => [sale.state, sale.body.receiptNumber]), [['attention', [...refused][0]]]);

    await context.unroute('**/api/order/offline-sales/**');
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await eventually(async () => assert.equal((await ordersOfTill(till)).length, 2));
    await page.getByText('Tidak ada.').first().waitFor();
  });

  it('a second tab of the till says it is open elsewhere, and may take it over', async () => {
    const { context, page } = await readyTill();
    const second = await context.newPage();
    await second.goto(page.url());
    await second.getByRole('heading', { name: 'Kasir ini terbuka di tab lain' }).waitFor();
    await assertAccessible(second, 'open elsewhere');
    await screenshot(second, 'web-open-elsewhere');
    await second.getByRole('button', { name: 'Ambil alih di sini' }).click();
    await second.getByLabel('Cari atau pindai produk').waitFor();
    await page.getByRole('heading', { name: 'Tab lain mengambil alih kasir ini' }).waitFor();
    await context.close();
  });
});

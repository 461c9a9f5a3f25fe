// A shift at the till, in Chromium against the real stack: offered after the login and opened
// with a float, cash put in, a no-sale approved by a manager, a cash sale, the X report, and
// the close with a count by note and coin that is short by more than the threshold: the
// manager's PIN, then the Z report shown and printed on the 80 mm roll.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { assertAccessible, cartLine, cashReady, closeDevices, enterPin, launch, newDevice, pinPad, registerTill, scan, screenshot } from './support/browser.ts';
import { newAccount, newProduct, orderDb, setPin, type Account, type TestProduct } from './support/stack-data.ts';

describe('the till in the browser, a shift', function () {
  this.timeout(240_000);
  let browser: Browser;
  let manager: Account;
  let cashier: Account;
  let rice: TestProduct;

  before(async () => {
    browser = await launch();
    [manager, cashier, rice] = await Promise.all([newAccount('manager'), newAccount('cashier'), newProduct('Beras pandan wangi 1 kg', 10_000)]);
    await setPin(manager, '8642');
  });
  afterEach(async function () { await closeDevices(browser, this.currentTest); });
  after(async () => { await browser?.close(); });

  it('opened with a float, cash in, a no-sale, a sale, closed short over the threshold: PIN, then the Z report', async () => {
    const { page } = await newDevice(browser);
    await page.addInitScript('window.printed = 0; window.print = () => { window.printed += 1; }');
    await page.reload();
    const code = `S${randomUUID().slice(0, 6).toUpperCase()}`;
    await registerTill(page, manager, code);
    await page.getByLabel('Email', { exact: true }).fill(cashier.email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(cashier.password);
    await page.getByRole('button', { name: 'Masuk' }).click();

    // No shift open at this till: the till offers to open one.
    await page.getByRole('heading', { name: 'Buka shift' }).waitFor();
    await assertAccessible(page, 'open a shift');
    await screenshot(page, 'web-shift-open');
    await page.getByLabel('Modal awal').fill('200.000');
    await page.keyboard.press('Enter');
    await page.getByLabel('Cari atau pindai produk').waitFor();
    await page.getByText(/^Memuat katalog/).waitFor({ state: 'hidden' });

    // Cash in, with a reason.
    await page.keyboard.press('F9');
    await page.getByRole('heading', { name: 'Shift', exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Kas masuk' }).check();
    await page.getByLabel('Jumlah', { exact: true }).fill('50.000');
    await page.getByLabel('Alasan').first().fill('uang kecil dari kantor');
    await page.getByRole('button', { name: 'Catat' }).click();
    await page.getByText('Rp 50.000 masuk: tercatat.').waitFor();
    // The drawer opened without a sale: a cashier's needs a manager.
    await page.getByLabel('Alasan').nth(1).fill('tukar uang');
    await page.getByRole('button', { name: 'Buka laci', exact: true }).click();
    await enterPin(page, manager, '8642');
    await pinPad(page).waitFor({ state: 'hidden' });
    await page.getByText('Laci dibuka: tercatat.').waitFor();
    await assertAccessible(page, 'shift');
    await screenshot(page, 'web-shift-menu');
    await page.keyboard.press('Escape');

    // A cash sale of 10.000 (exact).
    await page.getByLabel('Cari atau pindai produk').waitFor();
    await scan(page, rice.barcode);
    await cartLine(page, rice.name).waitFor();
    await page.keyboard.press('F2');
    await cashReady(page);
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Cari atau pindai produk').waitFor();

    // The X report: the shift so far, printed.
    await page.keyboard.press('F9');
    await page.getByRole('button', { name: 'Cetak laporan X' }).click();
    const report = page.getByTestId('shift-report');
    await report.waitFor();
    assert.match(await report.innerText(), /KAS SEHARUSNYA +260\.000/);
    // The sale's receipt was the first print; the X report the second.
    await page.waitForFunction('window.printed === 2');
    await page.keyboard.press('Escape');

    // The count: 2 × 100.000, 1 × 50.000, 4 × 500 = 252.000 against 260.000: 8.000 short.
    await page.getByRole('button', { name: /Tutup shift/ }).click();
    await page.getByRole('heading', { name: /Tutup shift: hitung laci/ }).waitFor();
    await page.getByTestId('expected').filter({ hasText: 'Rp 260.000' }).waitFor();
    await page.getByLabel('Jumlah Rp 100.000').fill('2');
    await page.getByLabel('Jumlah Rp 50.000').fill('1');
    await page.getByLabel('Jumlah Rp 500').fill('4');
    await page.getByTestId('counted').filter({ hasText: 'Rp 252.000' }).waitFor();
    await page.getByTestId('variance').filter({ hasText: /-Rp 8\.000 \(kurang\)/ }).waitFor();
    await assertAccessible(page, 'shift count');
    await screenshot(page, 'web-shift-count');
    await page.getByRole('button', { name: 'Tutup dengan hitungan ini' }).click();

    const pad = pinPad(page);
    await pad.waitFor();
    assert.match(await pad.innerText(), /Tutup shift dengan selisih .*Rp 8\.000/s);
    await enterPin(page, manager, '8642');
    await pad.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: /Laporan Z/ }).waitFor();
    const z = await report.innerText();
    assert.match(z, /LAPORAN Z/);
    assert.match(z, /KAS DIHITUNG +252\.000/);
    assert.match(z, /SELISIH +-8\.000/);
    assert.match(z, /disetujui/);
    assert.ok(z.split('\n').every((line) => line.length <= 48), z);
    await page.waitForFunction('window.printed === 3');
    await assertAccessible(page, 'Z report');
    await screenshot(page, 'web-shift-z');

    const { rows } = await orderDb.query<{ status: string; variance: number; approved: string | null }>(
      'SELECT status, variance::int AS variance, variance_approved_by AS approved FROM shifts WHERE till_code = $1', [code]);
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]?.status, rows[0]?.variance, Boolean(rows[0]?.approved)], ['closed', -8_000, true]);
  });
});

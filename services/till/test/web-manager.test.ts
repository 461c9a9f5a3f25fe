// The manager's screens in the till's web app, in Chromium against the real stack: a manager
// sees a cashier's sale in today's sales, gives back a refund due (and finds it in the audit
// log), imports products from CSV
// (a bad row shown with its error, the rest imported), looks at stock, users and tills; a
// cashier never sees the screens and the apps refuse a cashier's token for them. axe on each.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { localSecret, request } from '@pos/platform/testing';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, cartLine, closeDevices, launch, logIn, newDevice, registerTill, scan, screenshot, tillOf } from './support/browser.ts';
import {
  login, newAccount, newProduct, refundDue, refundsOf, setReorderLevel, testCategory, TILL_URL, type Account, type TestProduct,
} from './support/stack-data.ts';

const tillCode = () => `M${randomUUID().slice(0, 6).toUpperCase()}`;

describe('the manager\'s screens in the browser', function () {
  this.timeout(180_000);
  let browser: Browser;
  let manager: Account;
  let cashier: Account;
  let tea: TestProduct;

  before(async () => {
    browser = await launch();
    [manager, cashier, tea] = await Promise.all([newAccount('manager'), newAccount('cashier'), newProduct('Teh kantor 350 ml', 4_500)]);
  });
  afterEach(async function () { await closeDevices(browser, this.currentTest); });
  after(async () => { await browser?.close(); });

  /** A registered till with the manager signed in, the back office open on `tab`. */
  async function office(tab?: string): Promise<Page> {
    const { page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    await logIn(page, manager);
    await page.getByRole('button', { name: 'Kantor' }).click();
    await page.getByRole('heading', { name: 'Kantor: Penjualan hari ini' }).waitFor();
    if (tab) {
      await page.getByRole('navigation').getByRole('button', { name: tab }).click();
      await page.getByRole('heading', { name: `Kantor: ${tab}` }).waitFor();
    }
    return page;
  }

  it('after a cashier\'s sale, the manager sees it in today\'s sales: per cashier, in the chart per hour and per payment method', async () => {
    const { page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    await logIn(page, cashier);
    await scan(page, tea.barcode);
    await cartLine(page, tea.name).waitFor();
    await page.keyboard.press('F2');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Keluar' }).click();

    await logIn(page, manager);
    await page.getByRole('button', { name: 'Kantor' }).click();
    await page.getByRole('heading', { name: 'Kantor: Penjualan hari ini' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(cashier.name) });
    await row.waitFor();
    assert.match(await row.innerText(), /1\s+Rp 4\.500/);
    assert.match(await page.getByRole('img', { name: /^Penjualan per jam: / }).getAttribute('aria-label') ?? '', /\d\d:00 Rp \d/);
    assert.match(await page.getByRole('img', { name: /^Penjualan per cara bayar: / }).getAttribute('aria-label') ?? '', /Tunai Rp \d/);
    await assertAccessible(page, 'manager: today\'s sales');
    await screenshot(page, 'web-office-sales');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Back office: Today\'s sales' }).waitFor();
    await assertAccessible(page, 'manager: today\'s sales (English)');
    await page.keyboard.press('Escape');
    await page.getByLabel('Search or scan a product').waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

    // A scan in the back office goes back to the sale, the item in the cart.
    await page.getByRole('button', { name: 'Kantor' }).click();
    await page.getByRole('heading', { name: 'Kantor: Penjualan hari ini' }).waitFor();
    await scan(page, tea.barcode);
    await cartLine(page, tea.name).waitFor();
  });

  it('a cashier never sees the manager\'s screens, and the apps refuse a cashier\'s token for what they show, through the till', async () => {
    const { page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    await logIn(page, cashier);
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Kantor' }).count(), 0);

    const token = await login(cashier.email, cashier.password);
    const refused: string[] = [];
    // (Paying a refund due is a cashier's too, with a manager's approval: order's own tests.)
    for (const [method, path] of [['GET', '/order/reports/daily'], ['GET', '/order/refunds-due'], ['GET', '/order/audit'],
      ['GET', '/inventory/stock/negative'], ['POST', '/product/products/import'], ['GET', '/user/users'], ['GET', '/user/tills'], ['POST', `/user/tills/${randomUUID()}/revoke`]] as const) {
      const reply = await request(method, `${TILL_URL}/api${path}`, { token, ...(method === 'POST' && (path.endsWith('import') ? { rawBody: 'sku\n', headers: { 'content-type': 'text/csv' } } : { body: {} })) });
      if (reply.status !== 403) refused.push(`${method} ${path}: ${reply.status}`);
    }
    assert.deepEqual(refused, [], 'each is 403 for a cashier');
  });

  it('a CSV import with a bad row shows that row\'s error and imports the others', async () => {
    const page = await office('Produk');
    const prefix = `CSV-${randomUUID().slice(0, 6).toUpperCase()}`;
    const category = await testCategory();
    const csv = [
      'sku,name,categoryId,baseUnit,taxClass,unit,barcode,toBase,price',
      `${prefix}-A,Kopi impor satu,${category},pcs,standard,pcs,,1,12000`,
      `${prefix}-B,Kopi impor rusak,${category},pcs,standard,pcs,,1,duabelas`,
      `${prefix}-C,Kopi impor dua,${category},pcs,standard,pcs,,1,15000`,
    ].join('\n');
    await page.getByLabel('Berkas CSV', { exact: true }).setInputFiles({ name: 'produk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Diimpor: 2 baru, 0 diubah, 0 tetap.' }).waitFor();
    const errors = page.locator('table.row-errors tbody tr');
    assert.equal(await errors.count(), 1);
    assert.match(await errors.innerText(), new RegExp(`^3\\s+${prefix}-B\\s+REQUEST\\.INVALID: .*price`));
    await assertAccessible(page, 'manager: products after an import');
    await screenshot(page, 'web-office-import');

    await page.getByLabel('Cari produk').fill(prefix);
    await page.getByRole('caption').filter({ hasText: 'Produk 1–2 dari 2' }).waitFor();
    for (const name of ['Kopi impor satu', 'Kopi impor dua']) await page.getByRole('rowheader', { name }).waitFor();
    assert.equal(await page.getByRole('rowheader', { name: 'Kopi impor rusak' }).count(), 0);
  });

  it('a refund due is given back in cash from the screen: it leaves the list and order has it paid', async () => {
    const { orderId, receiptNumber } = await refundDue(cashier, manager, tea, 5_000);
    const page = await office('Pengembalian dana');
    const give = page.getByRole('button', { name: `Kembalikan tunai: Rp 5.000, ${receiptNumber}` });
    await give.waitFor();
    await assertAccessible(page, 'manager: refunds due');
    await screenshot(page, 'web-office-refunds');
    await give.click();
    await page.getByRole('status').filter({ hasText: `${receiptNumber}: Rp 5.000 sudah dikembalikan` }).waitFor();
    await give.waitFor({ state: 'detached' });
    assert.deepEqual(await refundsOf(orderId), [{ amount: 5_000, status: 'paid', method: 'cash' }]);

    // The audit log has the refund, by the manager who gave it (approved by no one else), and its chain is whole.
    await page.getByRole('navigation').getByRole('button', { name: 'Log audit' }).click();
    await page.getByLabel('Tindakan').selectOption('refund');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const entry = page.getByRole('row', { name: new RegExp(orderId) }); // a refund due's entry names its order
    await entry.waitFor();
    assert.match(await entry.innerText(), /Pengembalian dana\s+\S+\s+Rp 5\.000\s+.+\(Manajer\)\s+—/);
    await page.getByRole('button', { name: 'Periksa rantai' }).click();
    await page.getByRole('status').filter({ hasText: /^Log utuh: \d+ entri diperiksa/ }).waitFor();
    await assertAccessible(page, 'manager: audit log');
    await screenshot(page, 'web-office-audit');
  });

  it('an admin adds a cashier from the users screen, who may sign in then, and deactivates them', async () => {
    const { page } = await newDevice(browser);
    await registerTill(page, manager, tillCode());
    const admin = { email: localSecret('admin-email'), password: localSecret('admin-password'), name: 'admin' };
    await logIn(page, admin);
    await page.getByRole('button', { name: 'Kantor' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Pengguna' }).click();
    const person = { name: `Kasir baru ${randomUUID().slice(0, 4)}`, email: `baru-${randomUUID().slice(0, 8)}@till.test`, password: `pw-${randomUUID()}` };
    await page.getByLabel('Nama', { exact: true }).fill(person.name);
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel(/^Kata sandi/).fill(person.password);
    await page.getByRole('button', { name: 'Buat' }).click();
    await page.getByRole('status').filter({ hasText: `${person.name} sekarang dapat masuk.` }).waitFor();
    await login(person.email, person.password);
    await page.getByLabel('Cari pengguna').fill(person.email);
    const row = page.getByRole('row', { name: new RegExp(person.name) });
    await row.filter({ hasText: 'Aktif' }).waitFor();
    await assertAccessible(page, 'admin: users');
    await page.getByRole('button', { name: `Nonaktifkan ${person.name}` }).click();
    await row.filter({ hasText: 'Dinonaktifkan' }).waitFor();
  });

  it('low stock, users and tills: what each lists, a till registered and revoked, and axe finds nothing on each', async () => {
    await setReorderLevel(tea.id, 1_000_000);
    const page = await office('Stok menipis');
    await page.getByRole('rowheader', { name: tea.name }).waitFor();
    await assertAccessible(page, 'manager: stock');
    await screenshot(page, 'web-office-stock');

    await page.getByRole('navigation').getByRole('button', { name: 'Pengguna' }).click();
    await page.getByText('Hanya admin yang menambah atau menonaktifkan pengguna.').waitFor();
    await page.getByLabel('Cari pengguna').fill(cashier.email);
    await page.getByRole('row', { name: new RegExp(cashier.email.replace(/[.]/g, '\\.')) }).filter({ hasText: 'Kasir' }).waitFor();
    await assertAccessible(page, 'manager: users');

    await page.getByRole('navigation').getByRole('button', { name: 'Mesin kasir' }).click();
    const here = (await tillOf(page)).code;
    await page.getByRole('row', { name: new RegExp(`^${here} \\(mesin kasir ini\\)`) }).waitFor();
    const code = tillCode();
    await page.getByLabel(/^Kode kasir/).fill(code);
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Mesin kasir ${code} terdaftar.` }).waitFor();
    await assertAccessible(page, 'manager: tills');
    await screenshot(page, 'web-office-tills');
    await page.getByRole('button', { name: `Cabut mesin kasir ${code}` }).click();
    await page.getByRole('button', { name: new RegExp(`^Ya, cabut mesin kasir ${code}`) }).click();
    await page.getByRole('row', { name: new RegExp(`^${code}`) }).filter({ hasText: 'Dicabut' }).waitFor();
  });
});

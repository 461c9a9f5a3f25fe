// The README's pictures of the till (services/till), taken in Chromium from the running stack
// by docs-screenshots.ts: a manager registers a new device, a cashier signs in and sells (scans,
// a search, cash with change, the receipt), a QRIS code (Midtrans' simulator), and the till
// offline with sales waiting, and the manager's screens (the day's sales, a CSV import with a
// bad row). In English (the browser's language; the till's default is
// Bahasa Indonesia). The products are the docs' own, made once and found again by SKU.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminToken, api, call, expectStatus, receiveStock } from './stack-calls.ts';

const CATEGORY = 'docs-till';
/** name, price, the EAN-13's first 12 digits */
const PRODUCTS = [
  ['Teh celup melati isi 25', 8_500, '899100000001'], ['Gula pasir 1 kg', 17_500, '899100000002'],
  ['Susu UHT cokelat 250 ml', 6_500, '899100000003'], ['Roti tawar gandum', 15_500, '899100000004'],
  ['Kopi hitam robusta 165 g', 18_000, '899100000005'], ['Kopi susu gula aren 250 ml', 12_000, '899100000006'],
  ['Kopi bubuk arabika 200 g', 45_000, '899100000007'],
] as const;
type ProductName = typeof PRODUCTS[number][0];

function ean13(body12: string): string {
  const sum = [...body12].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}
const barcodeOf = (name: ProductName) => ean13(PRODUCTS.find(([candidate]) => candidate === name)?.[2] ?? '');

/** The docs' products in the catalogue (made when missing, by SKU), in stock, and in the feed the till reads. */
async function ensureProducts(token: string): Promise<void> {
  const category = await call('POST', `${api('product')}/categories`, { token, body: { id: CATEGORY, name: 'Till screenshots' } });
  if (category.status !== 201 && category.status !== 409) throw new Error(`new category answered ${category.status}: ${JSON.stringify(category.body)}`);
  const listed = await expectStatus(200, call('GET', `${api('product')}/products?categoryId=${CATEGORY}&limit=100`, { token }), 'products');
  const known = new Map((listed.items as { id: string; sku: string }[]).map((product) => [product.sku, product.id]));
  const ids: string[] = [];
  for (const [name, price, code] of PRODUCTS) {
    const sku = `DOC-${code.slice(-3)}`;
    let id = known.get(sku);
    if (!id) {
      const made = await expectStatus(201, call('POST', `${api('product')}/products`, {
        token, body: { sku, name, categoryId: CATEGORY, baseUnit: 'pcs', taxClass: 'standard', units: [{ name: 'pcs', barcode: ean13(code), conversion: 1, price }] },
      }), `new product ${name}`);
      id = String(made.id);
    }
    await receiveStock(token, id, 50);
    ids.push(id);
  }
  for (let attempt = 0; !(await inCatalogueFeed(token, ids)); attempt++) {
    if (attempt === 150) throw new Error('the docs products never reached the catalogue feed');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function inCatalogueFeed(token: string, ids: string[]): Promise<boolean> {
  const missing = new Set(ids);
  for (let after: string | undefined; ;) {
    const page = await expectStatus(200, call('GET', `${api('product-query')}/catalogue/changes?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`, { token }), 'catalogue feed');
    for (const product of page.products as { id: string }[]) missing.delete(product.id);
    if (missing.size === 0) return true;
    if (!page.more) return false;
    after = String(page.next);
  }
}

interface Account { name: string; email: string; password: string }
async function newAccount(token: string, name: string, role: 'manager' | 'cashier'): Promise<Account> {
  const account = { name, email: `${name.toLowerCase()}.${randomUUID().slice(0, 4)}@shop.example`, password: `pw-${randomUUID()}` };
  await expectStatus(201, call('POST', `${api('user')}/users`, { token, body: { ...account, role } }), `new ${role}`);
  return account;
}

/** Persistent storage granted, as an installed till would have it (else the till warns that
 * the browser may clear its data, and headless Chromium never grants it by itself). */
async function grantPersistentStorage(browser: Browser, page: Page, origin: string): Promise<void> {
  const { targetInfo } = await (await page.context().newCDPSession(page)).send('Target.getTargetInfo');
  await (await browser.newBrowserCDPSession()).send('Browser.setPermission', {
    permission: { name: 'persistent-storage' }, setting: 'granted', origin, ...(targetInfo.browserContextId && { browserContextId: targetInfo.browserContextId }),
  });
}

const scan = async (page: Page, name: ProductName) => {
  await page.keyboard.type(barcodeOf(name));
  await page.keyboard.press('Enter');
  await page.getByRole('cell', { name: new RegExp(`^${name}`) }).waitFor();
};

/** Cash for the sale in the cart: F2, the amount typed, Enter; the receipt shows. */
async function payCash(page: Page, amount: string, shot?: string): Promise<void> {
  await page.keyboard.press('F2');
  const tendered = page.getByLabel('Cash received');
  await tendered.waitFor();
  await page.getByRole('button', { name: /Take cash/, disabled: false }).waitFor();
  await tendered.fill(amount);
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  await tendered.press('Enter');
  await page.getByTestId('receipt').waitFor();
}

async function clearCart(page: Page): Promise<void> {
  const search = page.getByLabel('Search or scan a product');
  await search.fill('');
  while (await page.locator('section.cart tbody tr').count() > 0) await search.press('Delete');
}

async function goOffline(context: BrowserContext): Promise<void> {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}

/** Takes the till's screens into outDir; answers the files written. */
export async function tillScreenshots(browser: Browser, outDir: string): Promise<string[]> {
  const token = await adminToken();
  const [manager, cashier] = await Promise.all([newAccount(token, 'Rina', 'manager'), newAccount(token, 'Dewi', 'cashier'), ensureProducts(token)]);
  const tillUrl = api('till');
  const file = (name: string) => join(outDir, `till-${name}.png`);
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Jakarta', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await grantPersistentStorage(browser, page, tillUrl);
    await page.goto(tillUrl);

    // Registration, once per device: the manager's sign-in names the till (POST /tills).
    await page.getByLabel('Manager email').fill(manager.email);
    await page.getByLabel('Manager password').fill(manager.password);
    await page.getByLabel(/^Till code/).fill(`T${randomUUID().slice(0, 4).toUpperCase()}`);
    await page.getByLabel('Outlet').fill('JKT1');
    await page.getByLabel(/^Till name/).fill('Front counter');
    await page.screenshot({ path: file('register'), fullPage: true });
    await page.getByRole('button', { name: 'Register' }).click();

    await page.getByLabel('Email', { exact: true }).fill(cashier.email);
    await page.getByLabel('Password', { exact: true }).fill(cashier.password);
    await page.screenshot({ path: file('login'), fullPage: true });
    await page.getByRole('button', { name: 'Sign in' }).click();
    // No shift open at a new till: the offer to open one, declined here (the shift's screens are the tests').
    const offer = page.getByRole('heading', { name: 'Open a shift' });
    await page.getByLabel('Search or scan a product').or(offer).waitFor();
    if (await offer.isVisible()) await page.getByRole('button', { name: /Not now/ }).click();
    await page.getByLabel('Search or scan a product').waitFor();
    await page.getByText(/^Loading the catalogue/).waitFor({ state: 'hidden' });

    // A sale: three scans, a second tea, and a search under way.
    await scan(page, 'Teh celup melati isi 25');
    await page.keyboard.press('+');
    await scan(page, 'Gula pasir 1 kg');
    await scan(page, 'Susu UHT cokelat 250 ml');
    await page.keyboard.type('kopi', { delay: 80 });
    await page.getByRole('option', { name: /Kopi hitam robusta/ }).waitFor();
    await page.screenshot({ path: file('sale'), fullPage: true });
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: /^Kopi/ }).first().waitFor();

    await payCash(page, '100.000', file('cash'));
    await page.screenshot({ path: file('receipt'), fullPage: true });
    await page.keyboard.press('Enter');

    // QRIS: the code from Midtrans' QR string; Esc twice cancels it (and the order) again.
    await scan(page, 'Roti tawar gandum');
    await page.keyboard.press('F3');
    await page.getByRole('button', { name: /Show the QRIS code/, disabled: false }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'Ask the customer to scan this code' }).waitFor();
    await page.getByText(/^Expires in \d+:\d\d$/).waitFor();
    await page.screenshot({ path: file('qris'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await clearCart(page);

    // Offline: two cash sales kept on the till, a third being rung up.
    await goOffline(context);
    await page.getByText('offline — 0 sales waiting').waitFor();
    await scan(page, 'Roti tawar gandum');
    await payCash(page, '20.000');
    await page.keyboard.press('Enter');
    await scan(page, 'Kopi hitam robusta 165 g');
    await payCash(page, '20.000');
    await page.keyboard.press('Enter');
    await scan(page, 'Teh celup melati isi 25');
    await scan(page, 'Kopi susu gula aren 250 ml');
    await page.getByText('offline — 2 sales waiting').waitFor();
    await page.screenshot({ path: file('offline'), fullPage: true });

    // Back online the two go up; the cart is left empty.
    await context.unroute('**/api/**');
    await context.setOffline(false);
    await page.getByText('Online', { exact: true }).waitFor({ timeout: 30_000 });
    await clearCart(page);

    await managerScreens(page, manager, file);
  } finally {
    await context.close();
  }
  return ['register', 'login', 'sale', 'cash', 'receipt', 'qris', 'offline', 'office-sales', 'office-import'].map(file);
}

/** The CSV the import picture sends: two good rows and one whose price is not a number. */
const IMPORT_CSV = [
  'sku,name,categoryId,baseUnit,taxClass,unit,barcode,toBase,price',
  `DOC-101,Teh hijau isi 25,${CATEGORY},pcs,standard,pcs,,1,9500`,
  `DOC-102,Kopi tubruk 200 g,${CATEGORY},pcs,standard,pcs,,1,dua puluh ribu`,
  `DOC-103,Gula aren 500 g,${CATEGORY},pcs,standard,pcs,,1,21000`,
].join('\n');

/** The manager signs in after the cashier: the day's sales, and a CSV import with a bad row. */
async function managerScreens(page: Page, manager: Account, file: (name: string) => string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email', { exact: true }).fill(manager.email);
  await page.getByLabel('Password', { exact: true }).fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Back office' }).click();
  await page.getByRole('img', { name: /^Sales per hour: / }).waitFor();
  await page.screenshot({ path: file('office-sales'), fullPage: true });
  await page.getByRole('navigation').getByRole('button', { name: 'Products' }).click();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('table.row-errors').waitFor();
  await page.screenshot({ path: file('office-import'), fullPage: true });
}

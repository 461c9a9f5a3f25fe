// The till in a real browser: Debian's Chromium, headless, driven by playwright-core (no
// browser download; scripts/provision.sh installs it). Helpers do what a person at the till
// does, by the labels and names on the screen, in Bahasa Indonesia unless a test switches.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Account } from './stack-data.ts';
import { TILL_URL } from './stack-data.ts';

const CHROMIUM = process.env.POS_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: npm run provision installs it (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A fresh browser profile: its own IndexedDB, service worker and caches, as a new device. */
export async function newDevice(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 860 }, timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  page.on('pageerror', (error) => { console.error(`page error: ${error.message}`); });
  await page.goto(TILL_URL);
  return { context, page };
}

/** Once per device: the manager signs in on the till and registers it. */
export async function registerTill(page: Page, manager: Account, code: string, outletId = 'JKT1'): Promise<void> {
  await page.getByLabel('Email manajer').fill(manager.email);
  await page.getByLabel('Kata sandi manajer').fill(manager.password);
  await page.getByLabel(/^Kode kasir/).fill(code);
  await page.getByLabel('Gerai').fill(outletId);
  await page.getByRole('button', { name: 'Daftarkan' }).click();
  await page.getByLabel('Email', { exact: true }).waitFor();
}

/** After a login at a till with no shift open, the till offers to open one: not now. */
export async function shiftOfferDeclined(page: Page): Promise<void> {
  const offer = page.getByRole('heading', { name: 'Buka shift' });
  await page.getByLabel('Cari atau pindai produk').or(offer).waitFor();
  if (await offer.isVisible()) await page.getByRole('button', { name: /Nanti saja/ }).click();
}

export async function logIn(page: Page, cashier: Account): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(cashier.email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(cashier.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await shiftOfferDeclined(page);
  await page.getByLabel('Cari atau pindai produk').waitFor();
  // A new device reads the whole catalogue first (the till says so while it does).
  await page.getByText(/^Memuat katalog/).waitFor({ state: 'hidden' });
}

/** The cart's line of a product (its first cell, the product's name). */
export const cartLine = (page: Page, name: string) => page.getByRole('cell', { name: new RegExp(`^${name}`) });

/** A keyboard-wedge scanner: the code typed as fast as keys go, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** A person typing, a key every 60 ms. */
export const typeSlowly = (page: Page, text: string) => page.keyboard.type(text, { delay: 60 });

/** The till's record in IndexedDB of its registered device: its id and code, which the
 * server knows it by. (Browser code as text: these tests are typed for Node, without the DOM.) */
export const tillOf = async (page: Page): Promise<{ tillId: string; code: string }> => (await page.evaluate(`new Promise((resolve, reject) => {
  const open = indexedDB.open('till');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const read = open.result.transaction('kv').objectStore('kv').get('device');
    read.onsuccess = () => resolve({ tillId: read.result.value.tillId, code: read.result.value.code });
    read.onerror = () => reject(read.error);
  };
})`)) as { tillId: string; code: string };

/** Resolves once the service worker is active: from then on the shell opens with no network. */
export const shellCached = (page: Page) => page.evaluate('navigator.serviceWorker.ready.then(() => true)');

/** No WCAG 2 A or AA violation on the screen as it is. */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
  assert.deepEqual(found, [], `axe on the ${screen} screen`);
}

/** A picture of the screen for a person to look at (/tmp/till-<name>.png). */
export const screenshot = (page: Page, name: string) => page.screenshot({ path: `/tmp/till-${name}.png`, fullPage: true });

/** After each test: on a failure, a picture of every page still open (/tmp/till-failed-*.png);
 * then every device of the test is closed, passed or not. */
export async function closeDevices(browser: Browser | undefined, test: Mocha.Test | undefined): Promise<void> {
  const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
  if (test?.state === 'failed') {
    const slug = test.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await Promise.all(pages.map((page, index) => page.screenshot({ path: `/tmp/till-failed-${slug}-${index}.png`, fullPage: true }).catch(() => undefined)));
  }
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

/** Waits until the cash tender can be taken (the online order is made). */
export const cashReady = (page: Page) => page.getByRole('button', { name: /Terima tunai/, disabled: false }).waitFor();

/** Offline as a till gets offline: the browser says so, and nothing reaches the apps (a service
 * worker's own requests are not covered by setOffline: microsoft/playwright#2311). */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

/** The PIN pad the till shows when the server asks for a manager's approval. */
export const pinPad = (page: Page) => page.getByRole('dialog', { name: 'Persetujuan manajer' });

/** A manager at the till: their email and PIN into the pad, Enter. */
export async function enterPin(page: Page, manager: Account, pin: string): Promise<void> {
  const pad = pinPad(page);
  await pad.waitFor();
  await pad.getByLabel('Email manajer').fill(manager.email);
  await pad.getByLabel('PIN', { exact: true }).fill(pin);
  await pad.getByLabel('PIN', { exact: true }).press('Enter');
}

// A manager's approval at the till, in Chromium against the real stack: a cashier cancelling an
// order with cash taken on it (and a QRIS code still open) is asked for a manager's PIN; Esc
// backs out and nothing is cancelled, a wrong PIN is refused (the session stays), the right one
// voids the order, audited with the manager's name.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually } from '@pos/platform/testing';
import type { Browser } from 'playwright-core';
import { assertAccessible, cartLine, cashReady, closeDevices, enterPin, launch, logIn, newDevice, pinPad, registerTill, scan, screenshot, tillOf } from './support/browser.ts';
import { newAccount, newProduct, orderDb, ordersOfTill, setPin, type Account, type TestProduct } from './support/stack-data.ts';

describe('the till in the browser, a manager\'s approval', function () {
  this.timeout(180_000);
  let browser: Browser;
  let manager: Account;
  let cashier: Account;
  let bread: TestProduct;

  before(async () => {
    browser = await launch();
    [manager, cashier, bread] = await Promise.all([newAccount('manager'), newAccount('cashier'), newProduct('Roti tawar gandum', 15_500)]);
    await setPin(manager, '2468');
  });
  afterEach(async function () { await closeDevices(browser, this.currentTest); });
  after(async () => { await browser?.close(); });

  it('a cashier\'s cancel of an order with cash taken asks for a PIN: Esc keeps it, a wrong PIN is refused, the right one voids it', async () => {
    const { page } = await newDevice(browser);
    await registerTill(page, manager, `A${randomUUID().slice(0, 6).toUpperCase()}`);
    await logIn(page, cashier);
    await scan(page, bread.barcode);
    await cartLine(page, bread.name).waitFor();
    // Cash for part of it, then a QRIS code for the rest, which the customer does not pay.
    await page.keyboard.press('F2');
    await cashReady(page);
    await page.keyboard.type('5.000');
    await page.keyboard.press('Enter');
    await page.getByTestId('due').filter({ hasText: 'Rp 10.500' }).waitFor();
    await page.keyboard.press('F3');
    await page.getByRole('button', { name: /Tampilkan kode QRIS/, disabled: false }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'Minta pelanggan memindai kode ini' }).waitFor();
    const [order] = await ordersOfTill(await tillOf(page));
    assert.ok(order);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const pad = pinPad(page);
    await pad.waitFor();
    assert.match(await pad.innerText(), /Batalkan pesanan ini .*Rp 5\.000/s);
    await assertAccessible(page, 'PIN pad');
    await screenshot(page, 'web-approval-pin-pad');

    // Esc backs out: nothing is cancelled and the till says why.
    await page.keyboard.press('Escape');
    await pad.waitFor({ state: 'hidden' });
    await page.getByRole('alert').filter({ hasText: /Pesanan tidak dibatalkan/ }).waitFor();
    assert.equal((await ordersOfTill(await tillOf(page)))[0]?.status, 'pending');

    await page.keyboard.press('Escape');
    await enterPin(page, manager, '1357');
    await pad.getByRole('alert').filter({ hasText: /PIN salah/ }).waitFor();
    await assertAccessible(page, 'PIN pad, wrong PIN');
    await screenshot(page, 'web-approval-wrong-pin');
    // A wrong PIN is no lost session: the cashier is still signed in and the pad still open.
    await page.getByText(cashier.name).waitFor();
    assert.equal((await ordersOfTill(await tillOf(page)))[0]?.status, 'pending');

    // The right PIN, from the pad's own keys.
    for (const digit of '2468') await pad.getByRole('button', { name: digit, exact: true }).click();
    await pad.getByRole('button', { name: /Setujui/ }).click();
    await pad.waitFor({ state: 'hidden' });
    await page.getByLabel('Cari atau pindai produk').waitFor();
    await cartLine(page, bread.name).waitFor();
    await eventually(async () => assert.equal((await ordersOfTill(await tillOf(page)))[0]?.status, 'cancelled'));
    const { rows } = await orderDb.query<{ action: string; amount: number; approved_by: string | null }>(
      'SELECT action, amount::int AS amount, approved_by FROM audit_log WHERE ref = $1', [order.id]);
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.equal(rows[0]?.action, 'void');
    assert.equal(rows[0]?.amount, 5_000);
    assert.ok(rows[0]?.approved_by, 'approved by the manager');
  });
});

// The gateway over the real midtrans-client against the Midtrans simulator that the stack runs
// (127.0.0.1:3900, scripts/apps.sh), and the simulator's notifications checked by the domain rules.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, localSecret, request } from '@pos/platform/testing';
import { amountMatches, hasValidSignature, outcomeOf, parseNotification } from '../../src/domain/midtrans-notification.ts';
import {
  createMidtransGateway, MidtransRejectedError, MidtransUnreachableError, type MidtransGateway,
} from '../../src/payments/midtrans-gateway.ts';

const SIMULATOR = 'http://127.0.0.1:3900';

/** A stand-in for order's webhook: keeps every notification it is sent. */
async function startReceiver(): Promise<{ url: string; received: Record<string, string>[]; server: Server }> {
  const received: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => { text += chunk.toString(); });
    req.on('end', () => { received.push(JSON.parse(text) as Record<string, string>); res.writeHead(200).end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notifications`, received, server };
}

const control = (chargeId: string, path: string) => request('POST', `${SIMULATOR}/_simulator/transactions/${chargeId}/${path}`);

describe('Midtrans gateway against the simulator', () => {
  const serverKey = localSecret('midtrans-server-key');
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let gateway: MidtransGateway;

  before(async () => {
    receiver = await startReceiver();
    gateway = createMidtransGateway({ serverKey, isProduction: false, baseUrl: SIMULATOR, notificationUrl: receiver.url });
  });
  after(() => receiver.server.close());

  const notificationsOf = (chargeId: string) => receiver.received.filter((n) => n.order_id === chargeId).map((n) => n.transaction_status);

  it('a QRIS charge is pending with its QR string, QR url and an expiry, and its status says so', async () => {
    const chargeId = randomUUID();
    const charge = await gateway.chargeQris({ chargeId, amount: 10000, items: [{ id: 'p1', name: 'Kopi', price: 5000, quantity: 2 }] });
    assert.equal(charge.chargeId, chargeId);
    assert.equal(charge.amount, 10000);
    assert.ok(charge.qrString.length > 20);
    assert.match(charge.qrUrl ?? '', /\/v2\/qris\/.+\/qr-code$/);
    assert.ok(charge.expiresAt && charge.expiresAt > new Date());
    const state = await gateway.status(charge.transactionId);
    assert.deepEqual([state.chargeId, state.transactionStatus, state.statusCode, state.grossAmount], [chargeId, 'pending', '201', '10000.00']);
  });

  it('a second charge with the same id is rejected with Midtrans\' 406', async () => {
    const chargeId = randomUUID();
    await gateway.chargeQris({ chargeId, amount: 5000 });
    await assert.rejects(gateway.chargeQris({ chargeId, amount: 5000 }), (error) => error instanceof MidtransRejectedError && error.httpStatus === 406);
  });

  it('items that do not add up to the amount are rejected with 400', async () => {
    await assert.rejects(gateway.chargeQris({ chargeId: randomUUID(), amount: 5000, items: [{ id: 'p1', name: 'Teh', price: 4000, quantity: 1 }] }),
      (error) => error instanceof MidtransRejectedError && error.httpStatus === 400);
  });

  it('a pending charge is cancelled; cancelling it again is rejected with 412; an unknown id is 404', async () => {
    const chargeId = randomUUID();
    await gateway.chargeQris({ chargeId, amount: 7000 });
    assert.equal((await gateway.cancel(chargeId)).transactionStatus, 'cancel');
    assert.equal((await gateway.status(chargeId)).transactionStatus, 'cancel');
    await assert.rejects(gateway.cancel(chargeId), (error) => error instanceof MidtransRejectedError && error.httpStatus === 412);
    await assert.rejects(gateway.status(randomUUID()), (error) => error instanceof MidtransRejectedError && error.httpStatus === 404);
  });

  it('a Snap transaction gives a token and a redirect url', async () => {
    const snap = await gateway.createSnap({ chargeId: randomUUID(), amount: 25000 });
    assert.ok(snap.token);
    assert.match(snap.redirectUrl, new RegExp(`${snap.token}$`));
  });

  it('a wrong server key is refused with 401 on the Core API and on Snap', async () => {
    const stranger = createMidtransGateway({ serverKey: 'SB-Mid-server-wrong', isProduction: false, baseUrl: SIMULATOR });
    const unauthorized = (error: unknown) => error instanceof MidtransRejectedError && error.httpStatus === 401;
    await assert.rejects(stranger.chargeQris({ chargeId: randomUUID(), amount: 1000 }), unauthorized);
    await assert.rejects(stranger.createSnap({ chargeId: randomUUID(), amount: 1000 }), unauthorized);
  });

  it('a Midtrans that cannot be reached is a MidtransUnreachableError', async () => {
    const nowhere = createMidtransGateway({ serverKey, isProduction: false, baseUrl: 'http://127.0.0.1:1' });
    await assert.rejects(nowhere.status('any'), MidtransUnreachableError);
  });

  it('a settled charge is notified with a signature the domain accepts, and rejects once tampered', async () => {
    const chargeId = randomUUID();
    await gateway.chargeQris({ chargeId, amount: 12000 });
    assert.equal((await control(chargeId, 'settle')).status, 200);
    const sent = await eventually(async () => {
      const found = receiver.received.find((n) => n.order_id === chargeId && n.transaction_status === 'settlement');
      assert.ok(found, 'no settlement notification yet');
      return found;
    });
    const notification = parseNotification(sent);
    assert.ok(notification);
    assert.equal(hasValidSignature(notification, serverKey), true);
    assert.equal(hasValidSignature({ ...notification, gross_amount: '1200.00' }, serverKey), false);
    assert.equal(outcomeOf({ transactionStatus: notification.transaction_status, fraudStatus: notification.fraud_status }), 'paid');
    assert.equal(amountMatches(notification.gross_amount, 12000), true);
    assert.equal((await gateway.status(chargeId)).transactionStatus, 'settlement');
  });

  it('notifications can be held back, then sent out of order and replayed', async () => {
    const chargeId = randomUUID();
    await gateway.chargeQris({ chargeId, amount: 3000 });
    await eventually(async () => assert.deepEqual(notificationsOf(chargeId), ['pending']));
    await control(chargeId, 'settle?notify=false');
    // Index 0 is the pending notification, 1 the settlement: the older one arrives last, twice.
    for (const index of [1, 0, 0]) assert.equal((await control(chargeId, `notifications/${index}/send`)).status, 200);
    assert.deepEqual(notificationsOf(chargeId), ['pending', 'settlement', 'pending', 'pending']);
  });

  it('a settled charge is refunded in parts, each once per refund key (the same key again answers the same refund); its status lists them; a pending charge or more than is left is 412', async () => {
    const chargeId = randomUUID();
    const rejected = (status: number) => (error: unknown) => error instanceof MidtransRejectedError && error.httpStatus === status;
    await gateway.chargeQris({ chargeId, amount: 10000 });
    await assert.rejects(gateway.refund(chargeId, { refundKey: 'early', amount: 1000, reason: 'r' }), rejected(412));
    await control(chargeId, 'settle');
    const part = await gateway.refund(chargeId, { refundKey: 'part-1', amount: 4000, reason: 'one returned' });
    assert.deepEqual([part.refundKey, part.amount], ['part-1', 4000]);
    assert.deepEqual(await gateway.refund(chargeId, { refundKey: 'part-1', amount: 4000, reason: 'one returned' }), part);
    await assert.rejects(gateway.refund(chargeId, { refundKey: 'too-much', amount: 7000, reason: 'r' }), rejected(412));
    const state = await gateway.status(chargeId);
    assert.deepEqual([state.transactionStatus, state.refunds], ['partial_refund', [part]]);
    await gateway.refund(chargeId, { refundKey: 'rest', amount: 6000, reason: 'the rest' });
    assert.deepEqual((await gateway.status(chargeId)).refunds.map((r) => [r.refundKey, r.amount]), [['part-1', 4000], ['rest', 6000]]);
    await eventually(async () => assert.deepEqual(notificationsOf(chargeId).slice(-2), ['partial_refund', 'refund']));
  });
});

// The pure rules of Midtrans notifications, without the stack.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { amountMatches, hasValidSignature, outcomeOf, parseNotification, type MidtransNotification } from '../../src/domain/midtrans-notification.ts';

const SERVER_KEY = 'SB-Mid-server-unit-test';
const sha512 = (text: string) => createHash('sha512').update(text).digest('hex');

/** A settlement notification signed as Midtrans signs it. */
function signed(fields: Partial<MidtransNotification> = {}): MidtransNotification {
  const base = { order_id: 'tender-1', transaction_id: 'tx-1', transaction_status: 'settlement', status_code: '200', gross_amount: '10000.00', payment_type: 'qris', ...fields };
  const notification = parseNotification({ ...base, signature_key: sha512(base.order_id + base.status_code + base.gross_amount + SERVER_KEY) });
  assert.ok(notification);
  return notification;
}

describe('Midtrans notification rules', () => {
  it('a notification signed with the server key over its strings as sent is accepted', () => {
    assert.equal(hasValidSignature(signed(), SERVER_KEY), true);
  });

  it('a notification whose amount, status code or order id was changed after signing is rejected', () => {
    assert.equal(hasValidSignature({ ...signed(), gross_amount: '1000000.00' }, SERVER_KEY), false);
    assert.equal(hasValidSignature({ ...signed({ status_code: '201' }), status_code: '200' }, SERVER_KEY), false);
    assert.equal(hasValidSignature({ ...signed(), order_id: 'tender-2' }, SERVER_KEY), false);
  });

  it('the amount is signed as the string sent: "10000.00" re-written as "10000" no longer verifies', () => {
    assert.equal(hasValidSignature({ ...signed(), gross_amount: '10000' }, SERVER_KEY), false);
  });

  it('a notification signed with another server key is rejected', () => {
    assert.equal(hasValidSignature(signed(), 'SB-Mid-server-someone-else'), false);
  });

  it('a notification without Midtrans\' shape does not parse: no signature, or a numeric amount', () => {
    assert.equal(parseNotification({ ...signed(), signature_key: undefined }), undefined);
    assert.equal(parseNotification({ ...signed(), gross_amount: 10000 }), undefined);
    assert.equal(parseNotification({ ...signed(), signature_key: 'abc' }), undefined);
  });

  it('fields Midtrans adds beyond the known ones are kept', () => {
    assert.equal(parseNotification({ ...signed(), acquirer: 'gopay' })?.acquirer, 'gopay');
  });

  it('settlement and an accepted capture pay; deny, cancel and expire cancel; pending and a challenged capture change nothing', () => {
    assert.equal(outcomeOf({ transactionStatus: 'settlement' }), 'paid');
    assert.equal(outcomeOf({ transactionStatus: 'capture', fraudStatus: 'accept' }), 'paid');
    assert.equal(outcomeOf({ transactionStatus: 'capture', fraudStatus: 'challenge' }), 'none');
    for (const status of ['deny', 'cancel', 'expire']) assert.equal(outcomeOf({ transactionStatus: status }), 'cancelled');
    assert.equal(outcomeOf({ transactionStatus: 'pending' }), 'none');
    assert.equal(outcomeOf({ transactionStatus: 'refund' }), 'none');
  });

  it('an amount matches only the exact whole Rupiah expected', () => {
    assert.equal(amountMatches('10000.00', 10000), true);
    assert.equal(amountMatches('10000', 10000), true);
    assert.equal(amountMatches('10000.50', 10000), false);
    assert.equal(amountMatches('9999.00', 10000), false);
    assert.equal(amountMatches('1e4', 10000), false);
  });
});

// The pure rules of stock and reservations, without the stack.
import assert from 'node:assert/strict';
import { mergeReturnLines, perProduct, repeatRecordedReturn, type RecordedReturn } from '../src/domain/recorded-return.ts';
import { repeatRecordedSale, saleReason, type RecordedSale } from '../src/domain/recorded-sale.ts';
import { repeatOutcome, settleStep, type Reservation } from '../src/domain/reservation.ts';
import {
  adjustStock, available, commitUnits, mergeLines, releaseUnits, reserveUnits, sellAfterTheFact, shortagesOf, ShortageError, takeBack, writeOffReturned, type StockLevel,
} from '../src/domain/stock.ts';

const stock = (productId: string, onHand: number, reserved = 0): StockLevel => ({ productId, onHand, reserved, version: 0 });
const held = (lines: Reservation['lines'], expiresAt = new Date(Date.now() + 60_000)): Reservation =>
  ({ orderId: 'o-1', status: 'held', lines, shortages: null, releaseReason: null, expiresAt });

describe('inventory domain rules', () => {
  it('a shortage lists every short line with what is free, and nothing for lines that fit', () => {
    const levels = new Map([['a', stock('a', 5, 4)], ['b', stock('b', 9)]]);
    assert.deepEqual(shortagesOf(levels, [{ productId: 'a', quantity: 3 }, { productId: 'b', quantity: 9 }]),
      [{ productId: 'a', requested: 3, available: 1, short: 2 }]);
  });

  it('the same product twice in one request is reserved as one line with the sum', () => {
    assert.deepEqual(mergeLines([{ productId: 'b', quantity: 1 }, { productId: 'a', quantity: 2 }, { productId: 'b', quantity: 3 }]),
      [{ productId: 'a', quantity: 2 }, { productId: 'b', quantity: 4 }]);
  });

  it('a count or a loss that would leave less on hand than is reserved is refused', () => {
    assert.throws(() => adjustStock(stock('a', 5, 3), 'count', 2), { code: 'INVENTORY.BELOW_RESERVED' });
    assert.throws(() => adjustStock(stock('a', 5, 3), 'loss', 3), { code: 'INVENTORY.BELOW_RESERVED' });
    assert.deepEqual(adjustStock(stock('a', 5, 3), 'count', 3), { productId: 'a', onHand: 3, reserved: 3, version: 1 });
  });

  it('a retried Reserve matches the stored lines whatever the key order they were read back in', () => {
    const stored = held([JSON.parse('{"quantity": 2, "productId": "a"}') as { productId: string; quantity: number }]);
    assert.equal(repeatOutcome(stored, [{ productId: 'a', quantity: 2 }]), stored);
    assert.throws(() => repeatOutcome(stored, [{ productId: 'a', quantity: 3 }]), { code: 'INVENTORY.ORDER_ID_REUSED' });
  });

  it('a refused Reserve retried is the same shortage again', () => {
    const shortages = [{ productId: 'a', requested: 2, available: 0, short: 2 }];
    assert.throws(() => repeatOutcome({ ...held([{ productId: 'a', quantity: 2 }]), status: 'refused', shortages }, [{ productId: 'a', quantity: 2 }]),
      (error: unknown) => error instanceof ShortageError && error.shortages === shortages);
  });

  it('a held reservation settles once; the same settle again repeats; the other settle is refused; an expired one cannot be committed', () => {
    const now = new Date();
    assert.equal(settleStep(held([]), 'committed', now), 'apply');
    assert.equal(settleStep({ ...held([]), status: 'committed' }, 'committed', now), 'repeat');
    assert.throws(() => settleStep({ ...held([]), status: 'committed' }, 'released', now), { code: 'INVENTORY.RESERVATION_COMMITTED' });
    assert.throws(() => settleStep({ ...held([]), status: 'released' }, 'committed', now), { code: 'INVENTORY.RESERVATION_RELEASED' });
    assert.throws(() => settleStep(held([], new Date(now.getTime() - 1)), 'committed', now), { code: 'INVENTORY.RESERVATION_EXPIRED' });
    assert.equal(settleStep(held([], new Date(now.getTime() - 1)), 'released', now), 'apply');
  });

  it('a sale recorded after the fact takes its units off on hand even below zero, leaving what is held alone', () => {
    assert.deepEqual(sellAfterTheFact(stock('a', 2, 1), 3), { productId: 'a', onHand: -1, reserved: 1, version: 1 });
    assert.equal(available(sellAfterTheFact(stock('a', 5, 1), 3)), 1);
  });

  it('once oversold, what is held still commits and releases, goods still arrive, but no other change deepens the shortfall', () => {
    const oversold = stock('a', 1, 3); // 3 held, then an offline sale took 4 of the 5 on hand
    assert.deepEqual(commitUnits(oversold, 3), { productId: 'a', onHand: -2, reserved: 0, version: 1 });
    assert.deepEqual(releaseUnits(oversold, 3), { productId: 'a', onHand: 1, reserved: 0, version: 1 });
    assert.deepEqual(adjustStock(oversold, 'received', 1), { productId: 'a', onHand: 2, reserved: 3, version: 1 });
    assert.deepEqual(adjustStock(stock('a', -4), 'count', 0), { productId: 'a', onHand: 0, reserved: 0, version: 1 });
    assert.throws(() => reserveUnits(oversold, 1), { code: 'INVENTORY.BELOW_RESERVED' });
    assert.throws(() => adjustStock(oversold, 'damage', 1), { code: 'INVENTORY.BELOW_RESERVED' });
    assert.throws(() => releaseUnits(oversold, 4), { code: 'INVENTORY.BELOW_RESERVED' }); // reserved never below zero
  });

  it('a sale recorded again answers the first outcome; the order id with other lines is refused', () => {
    const recorded: RecordedSale = { orderId: 'o-1', lines: [{ productId: 'a', quantity: 2 }], receiptNumber: 'T01-000042', soldAt: new Date('2026-03-02T03:00:00Z'), oversold: ['a'] };
    assert.equal(repeatRecordedSale(recorded, [{ productId: 'a', quantity: 2 }]), recorded);
    assert.throws(() => repeatRecordedSale(recorded, [{ productId: 'a', quantity: 3 }]), { code: 'INVENTORY.ORDER_ID_REUSED' });
    assert.equal(saleReason(recorded), 'sold while the till was offline: receipt T01-000042 at 2026-03-02T03:00:00.000Z');
  });

  it('goods brought back go on hand, the damaged ones written off again even where a sale made offline left available below zero', () => {
    const oversold = stock('a', -4);
    const back = takeBack(oversold, 3);
    assert.deepEqual([back.onHand, writeOffReturned(back, 2).onHand], [-1, -3]);
    assert.deepEqual(mergeReturnLines([{ productId: 'b', quantity: 1, damaged: false }, { productId: 'a', quantity: 2, damaged: true }, { productId: 'b', quantity: 3, damaged: false }]),
      [{ productId: 'a', quantity: 2, damaged: true }, { productId: 'b', quantity: 4, damaged: false }]);
    assert.deepEqual([...perProduct([{ productId: 'a', quantity: 2, damaged: false }, { productId: 'a', quantity: 12, damaged: true }])], [['a', { back: 14, damaged: 12 }]]);
    const recorded: RecordedReturn = { returnId: 'r', orderId: 'o', lines: [{ productId: 'a', quantity: 2, damaged: false }], receiptNumber: 'JKT1-T1-R000001' };
    assert.equal(repeatRecordedReturn(recorded, [{ productId: 'a', quantity: 2, damaged: false }]), recorded);
    assert.throws(() => repeatRecordedReturn(recorded, [{ productId: 'a', quantity: 2, damaged: true }]), { code: 'INVENTORY.RETURN_ID_REUSED' });
  });
});

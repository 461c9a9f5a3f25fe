import assert from 'node:assert/strict';
import { AppError, type ApprovalClaims, type Principal } from '@pos/platform';
import { approvalRequired, checkApproval, needsApproval, type ApprovalRequest } from '../../src/domain/approval.ts';
import { mayRefund } from '../../src/domain/policy.ts';

const cashier: Principal = { id: 'cashier-1', role: 'cashier', name: 'Budi', till: { id: 'till-1', code: 'T01', outletId: 'JKT1' } };
const request: ApprovalRequest = { action: 'refund', ref: 'order-1', amount: 25_000 };
const approval: ApprovalClaims = {
  sub: 'manager-1', name: 'Ani', role: 'manager', act: 'refund', ref: 'order-1', amt: 25_000, req: 'cashier-1', till: 'T01', jti: 'j-1', exp: 0,
};
const refusedAs = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('manager approvals: when one is needed and whether it fits', () => {
  it('a cashier needs one to refund; a manager and an admin do not', () => {
    assert.equal(needsApproval(cashier, mayRefund), true);
    assert.equal(needsApproval({ ...cashier, role: 'manager' }, mayRefund), false);
    assert.equal(needsApproval({ ...cashier, role: 'admin' }, mayRefund), false);
  });

  it('asking without one is a 403 APPROVAL.REQUIRED that says what to ask for', () => {
    const error = approvalRequired(request);
    assert.equal(error.kind, 'forbidden');
    assert.equal(error.code, 'APPROVAL.REQUIRED');
    assert.deepEqual(error.details, { action: 'refund', ref: 'order-1', amount: 25_000 });
  });

  it('an approval for this cashier, till, action, thing and amount (or more) fits', () => {
    checkApproval(approval, request, cashier);
    checkApproval({ ...approval, amt: 30_000, role: 'admin' }, request, cashier);
    checkApproval({ ...approval, till: undefined }, request, { ...cashier, till: undefined });
  });

  const misfits: [string, Partial<ApprovalClaims>][] = [
    ['given by a cashier', { role: 'cashier' }],
    ['for another action', { act: 'reprint' }],
    ['for another order', { ref: 'order-2' }],
    ['for less money', { amt: 24_999 }],
    ['asked for by another cashier', { req: 'cashier-2' }],
    ['asked for at another till', { till: 'T02' }],
    ['asked for away from a till, used at one', { till: undefined }],
  ];
  for (const [what, change] of misfits) {
    it(`an approval ${what} is refused with 403 APPROVAL.INVALID`, () => {
      assert.throws(() => checkApproval({ ...approval, ...change }, request, cashier), refusedAs('APPROVAL.INVALID'));
    });
  }
});

import assert from 'node:assert/strict';
import {
  approvalAskedFor, approvalBody, approvalHeaders, ApprovalCancelled, pinOutcome, pinProblem, withApproval, type ApprovalRequest, type Refusal,
} from '../../web/kit/approval.ts';

class Refused extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) { super(refusal.code); this.refusal = refusal; }
}
const required = (details: unknown): Refusal => ({ status: 403, code: 'APPROVAL.REQUIRED', body: { error: { code: 'APPROVAL.REQUIRED', details } } });
const refusalOf = (error: unknown) => (error instanceof Refused ? error.refusal : undefined);
const voidOf = { action: 'void', ref: 'order-1', amount: 5_000 } as const;

describe('till approvals', () => {
  it('reads what the server asks a manager to approve; anything else asks for nothing', () => {
    assert.deepEqual(approvalAskedFor(required(voidOf)), voidOf);
    assert.equal(approvalAskedFor({ ...required(voidOf), status: 401 }), undefined);
    assert.equal(approvalAskedFor({ ...required(voidOf), code: 'APPROVAL.INVALID' }), undefined);
    for (const details of [undefined, { ...voidOf, action: 'dance' }, { ...voidOf, ref: '' }, { ...voidOf, amount: -1 }, { ...voidOf, amount: 1.5 }]) {
      assert.equal(approvalAskedFor(required(details)), undefined, JSON.stringify(details));
    }
  });

  it('a PIN is 4 to 8 digits and a manager must be named before anything is sent', () => {
    assert.equal(pinProblem('ani@shop.test', '2468'), undefined);
    assert.equal(pinProblem('  ', '2468'), 'manager-missing');
    for (const pin of ['', '123', '123456789', '12a4']) assert.equal(pinProblem('ani', pin), 'pin-format', pin);
    assert.deepEqual(approvalBody(voidOf, ' ani@shop.test ', '2468'), { manager: 'ani@shop.test', pin: '2468', ...voidOf });
  });

  it('sorts the answers of POST /approvals: approved, a wrong PIN (401, not a lost session), locked out', () => {
    assert.deepEqual(pinOutcome({ status: 201, body: { approval: 'jwt', approvedBy: { id: 'm', name: 'Ani' } } }), { kind: 'approved', approval: 'jwt', approvedBy: 'Ani' });
    assert.deepEqual(pinOutcome({ status: 401, body: { error: { code: 'APPROVAL.WRONG_PIN' } } }), { kind: 'wrong-pin' });
    assert.deepEqual(pinOutcome({ status: 429, body: { error: { code: 'APPROVAL.PIN_LOCKED' } }, retryAfter: 120 }), { kind: 'locked', retryAfter: 120 });
    assert.deepEqual(pinOutcome({ status: 429, body: undefined }), { kind: 'locked', retryAfter: 60 });
    assert.deepEqual(pinOutcome({ status: 400, body: { error: { code: 'VALIDATION' } } }), { kind: 'refused', code: 'VALIDATION' });
  });

  it('an action the server lets through is done once, with no PIN asked', async () => {
    const tries: (string | undefined)[] = [];
    const done = await withApproval(async (approval) => { tries.push(approval); return 'done'; }, () => assert.fail('no PIN asked'), refusalOf);
    assert.equal(done, 'done');
    assert.deepEqual(tries, [undefined]);
  });

  it('asks for exactly what the server named, and tries again once with the approval', async () => {
    const tries: (string | undefined)[] = [];
    const asked: ApprovalRequest[] = [];
    const done = await withApproval(async (approval) => {
      tries.push(approval);
      if (!approval) throw new Refused(required(voidOf));
      return 'voided';
    }, async (request) => { asked.push(request); return 'approval-jwt'; }, refusalOf);
    assert.equal(done, 'voided');
    assert.deepEqual(asked, [voidOf]);
    assert.deepEqual(tries, [undefined, 'approval-jwt']);
  });

  it('cancelled at the PIN pad: not done, and said so', async () => {
    let tries = 0;
    await assert.rejects(withApproval(async () => { tries += 1; throw new Refused(required(voidOf)); }, async () => undefined, refusalOf),
      (error) => error instanceof ApprovalCancelled);
    assert.equal(tries, 1);
  });

  it('a refusal of the approved try is the caller\'s, never a second PIN; other refusals pass as they are', async () => {
    let asked = 0;
    const used = new Refused({ status: 409, code: 'APPROVAL.USED', body: {} });
    await assert.rejects(withApproval(async (approval) => { throw approval ? used : new Refused(required(voidOf)); }, async () => { asked += 1; return 'jwt'; }, refusalOf),
      (error) => error === used);
    assert.equal(asked, 1);
    const other = new Refused({ status: 409, code: 'ORDER.PAID', body: {} });
    await assert.rejects(withApproval(async () => { throw other; }, async () => assert.fail('no PIN asked'), refusalOf), (error) => error === other);
  });

  it('the approval goes as X-Approval, and no header without one', () => {
    assert.deepEqual(approvalHeaders('jwt'), { 'x-approval': 'jwt' });
    assert.deepEqual(approvalHeaders(undefined), {});
  });
});

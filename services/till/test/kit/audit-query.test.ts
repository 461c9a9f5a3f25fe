import assert from 'node:assert/strict';
import { APPROVAL_ACTIONS } from '@pos/platform';
import { AUDIT_ACTIONS, auditQuery, nextDay } from '../../web/kit/audit-query.ts';

const page = { limit: 50, offset: 0 };
const params = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('till audit log filter: the query of GET /audit', () => {
  it('the actions offered are the platform\'s approval actions', () => {
    assert.deepEqual([...AUDIT_ACTIONS], [...APPROVAL_ACTIONS]);
  });

  it('whole days in the shop\'s time: from the first day\'s start to the next day\'s start after the last', () => {
    assert.deepEqual(params(auditQuery({ from: '2026-12-01', to: '2026-12-04' }, page)),
      { from: '2026-12-01T00:00:00+07:00', to: '2026-12-05T00:00:00+07:00', limit: '50', offset: '0' });
  });

  it('one day alone, at the end of a month and of a year', () => {
    assert.equal(params(auditQuery({ to: '2026-12-31' }, page)).to, '2027-01-01T00:00:00+07:00');
    assert.equal(nextDay('2028-02-28'), '2028-02-29');
    assert.equal(nextDay('2026-02-28'), '2026-03-01');
  });

  it('days given the wrong way round are turned around; a malformed day is left out', () => {
    assert.deepEqual(params(auditQuery({ from: '2026-12-04', to: '2026-12-01' }, page)),
      { from: '2026-12-01T00:00:00+07:00', to: '2026-12-05T00:00:00+07:00', limit: '50', offset: '0' });
    assert.equal(params(auditQuery({ from: '4/12/2026' }, page)).from, undefined);
  });

  it('the action and till as given (a till code in capitals), empty ones left out, the page last', () => {
    assert.deepEqual(params(auditQuery({ action: 'refund', till: ' t01 ' }, { limit: 20, offset: 40 })), { action: 'refund', till: 'T01', limit: '20', offset: '40' });
    assert.deepEqual(params(auditQuery({ action: '', till: '  ' }, page)), { limit: '50', offset: '0' });
  });
});

import assert from 'node:assert/strict';
import { SessionRevocations } from '../src/auth/session-revocations.ts';

const MINUTE = 60_000;

describe('the in-memory list of revoked sessions', () => {
  let now = Date.parse('2025-01-01T12:00:00Z');
  const at = (ms: number) => new Date(ms).toISOString();
  const list = () => new SessionRevocations(() => now);

  it('refuses generations below the revoked one, of that user only', () => {
    const revocations = list();
    revocations.add({ userId: 'u1', belowGeneration: 3, until: at(now + 15 * MINUTE) });
    assert.deepEqual([revocations.isRevoked('u1', 2), revocations.isRevoked('u1', 3), revocations.isRevoked('u2', 0)], [true, false, false]);
  });

  it('a late or replayed older revocation never lifts a newer one', () => {
    const revocations = list();
    revocations.add({ userId: 'u1', belowGeneration: 5, until: at(now + 15 * MINUTE) });
    revocations.add({ userId: 'u1', belowGeneration: 2, until: at(now + 1 * MINUTE) });
    now += 2 * MINUTE;
    assert.equal(revocations.isRevoked('u1', 4), true);
  });

  it('forgets a revocation once no token it covers can still be valid, and ignores one already past', () => {
    const revocations = list();
    revocations.add({ userId: 'u1', belowGeneration: 2, until: at(now + 15 * MINUTE) });
    revocations.add({ userId: 'u2', belowGeneration: 2, until: at(now - 1) });
    assert.equal(revocations.isRevoked('u2', 1), false);
    now += 15 * MINUTE;
    assert.equal(revocations.isRevoked('u1', 1), false);
  });
});

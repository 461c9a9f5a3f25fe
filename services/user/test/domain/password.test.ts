// Password hashes: scrypt at OWASP's cost, and a hash at a weaker cost flagged for a rehash. No stack needed.
import assert from 'node:assert/strict';
import { DEFAULT_LOG_N, hashPassword, verifyPassword } from '../../src/domain/password.ts';

const current = { logN: DEFAULT_LOG_N, r: 8, p: 1 };

describe('password hashes', () => {
  it('cost N = 2^17 by default (OWASP\'s scrypt minimum), stored with the hash', async () => {
    assert.equal(DEFAULT_LOG_N, 17);
    const stored = await hashPassword('kopi susu', current);
    assert.match(stored, /^scrypt\$17\$8\$1\$/);
    assert.deepEqual(await verifyPassword('kopi susu', stored, current), { ok: true, needsRehash: false });
    assert.deepEqual(await verifyPassword('kopi manis', stored, current), { ok: false, needsRehash: false });
  });

  it('a hash made at N = 2^15 still verifies, and asks to be stored again at the current cost', async () => {
    const old = await hashPassword('kopi susu', { logN: 15, r: 8, p: 1 });
    assert.deepEqual(await verifyPassword('kopi susu', old, current), { ok: true, needsRehash: true });
  });
});

// The login lockout as an attacker on the shop's network meets it. Each test picks its own
// loopback source addresses (and tills), so its counts start at zero whatever ran before. That an
// unknown email costs a password check as a known one does is a matter of time, so it is
// measured in bench/login.bench.ts, not asserted here.
import assert from 'node:assert/strict';
import { atTill, callFrom, freshAddress, newTill, newUser, uniqueEmail } from './support.ts';

const MAX_FAILURES = 5; // LOGIN_MAX_FAILURES
const ADDRESS_MAX_FAILURES = 30; // LOGIN_ADDRESS_MAX_FAILURES
const TILL_MAX_FAILURES = 30; // LOGIN_TILL_MAX_FAILURES
const loginFrom = (address: string, email: string, password: string, headers?: Record<string, string>) =>
  callFrom<{ error?: { code: string } }>(address, 'POST', '/auth/login', { body: { email, password }, headers });

describe('a lockout that holds', function () {
  this.timeout(120_000);

  it('a burst of 40 parallel logins (39 wrong, the right one last) gets at most 5 password checks, and the right password then gets 429', async () => {
    const cashier = await newUser('cashier');
    const attacker = freshAddress();
    const passwords = [...Array.from({ length: 39 }, (_, i) => `wrong ${i}`), cashier.password];
    const replies = await Promise.all(passwords.map((password) => loginFrom(attacker, cashier.user.email, password)));
    const checked = replies.filter((reply) => reply.status !== 429);
    assert.ok(checked.length <= MAX_FAILURES, `${checked.length} passwords were checked`);
    assert.ok(replies.every((reply) => [200, 401, 429].includes(reply.status)));
    assert.equal((await loginFrom(attacker, cashier.user.email, cashier.password)).status, 429);
  });

  it('an attacker who locked a cashier out from their address does not lock out the cashier at the till', async () => {
    const cashier = await newUser('cashier');
    const attacker = freshAddress();
    for (let i = 0; i <= MAX_FAILURES; i++) await loginFrom(attacker, cashier.user.email, `guess ${i}`);
    assert.equal((await loginFrom(attacker, cashier.user.email, cashier.password)).status, 429);
    assert.equal((await loginFrom(freshAddress(), cashier.user.email, cashier.password)).status, 200);
  });

  it('a known and an unknown email get the same statuses and bodies before and after the threshold', async () => {
    const cashier = await newUser('cashier');
    const answers = async (email: string) => {
      const address = freshAddress();
      const seen = [];
      for (let i = 0; i < MAX_FAILURES + 2; i++) {
        const reply = await loginFrom(address, email, `guess ${i}`);
        // The seconds left depend only on when this address's window started, not on the email.
        const { details, ...error } = (reply.body.error ?? {}) as { details?: { retryAfterSeconds?: number } };
        seen.push({ status: reply.status, error, retrying: details?.retryAfterSeconds !== undefined });
      }
      return seen;
    };
    const known = await answers(cashier.user.email);
    assert.deepEqual(known.map((a) => a.status), [401, 401, 401, 401, 401, 429, 429]);
    assert.deepEqual(await answers(uniqueEmail('nobody')), known);
  });

  it('password spraying from one address: after its budget of failures every login from it gets 429, other addresses are not slowed', async () => {
    const cashier = await newUser('cashier');
    const sprayer = freshAddress();
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      assert.equal((await loginFrom(sprayer, uniqueEmail('sprayed'), 'Summer2025!')).status, 401, `attempt ${i + 1}`);
    }
    assert.equal((await loginFrom(sprayer, uniqueEmail('sprayed'), 'Summer2025!')).status, 429);
    assert.equal((await loginFrom(sprayer, cashier.user.email, cashier.password)).status, 429);
    assert.equal((await loginFrom(freshAddress(), cashier.user.email, cashier.password)).status, 200);
  });

  it('a forged X-Forwarded-For header does not give a locked address a fresh count (proxy headers are not trusted by default)', async () => {
    const cashier = await newUser('cashier');
    const attacker = freshAddress();
    for (let i = 0; i < MAX_FAILURES; i++) await loginFrom(attacker, cashier.user.email, `guess ${i}`);
    const forged = await loginFrom(attacker, cashier.user.email, cashier.password, { 'x-forwarded-for': freshAddress() });
    assert.equal(forged.status, 429);
  });

  it('wrong current passwords on POST /me/password count too: after 5, even the right one gets 429', async () => {
    const me = await newUser('cashier');
    const address = freshAddress();
    const change = (currentPassword: string) =>
      callFrom(address, 'POST', '/me/password', { token: me.accessToken, body: { currentPassword, newPassword: 'a brand new secret' } });
    for (let i = 0; i < MAX_FAILURES; i++) assert.equal((await change(`guess ${i}`)).status, 403);
    assert.equal((await change(me.password)).status, 429);
  });
});

/** `count` calls of `task`, at most `concurrency` at a time; the results in call order. */
async function withConcurrency<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }));
  return results;
}

// A shop's tills usually share one public address with everything else on its network. A login
// that proves a registered till (X-Till-Id, X-Till-Key) counts against that till and the account
// there, never against the address.
describe('a lockout at a registered till', function () {
  this.timeout(180_000);

  it('1,000 wrong logins from the shop\'s address lock the address, not the cashier at a registered till behind it; at most 5 were checks of the cashier\'s password', async () => {
    const cashier = await newUser('cashier');
    const registered = await newTill();
    const shop = freshAddress();
    // Half at the cashier's account, half sprayed at others.
    const emails = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? cashier.user.email : uniqueEmail('sprayed')));
    const replies = await withConcurrency(emails.length, 16, (i) => loginFrom(shop, emails[i] as string, `wrong ${i}`));
    assert.ok(replies.every((reply) => reply.status === 401 || reply.status === 429));
    const checked = (email?: string) => replies.filter((reply, i) => reply.status !== 429 && (!email || emails[i] === email)).length;
    assert.ok(checked(cashier.user.email) <= MAX_FAILURES, `${checked(cashier.user.email)} checks of the cashier's password`);
    assert.ok(checked() <= ADDRESS_MAX_FAILURES, `${checked()} password checks from the address`);
    assert.equal((await loginFrom(shop, cashier.user.email, cashier.password)).status, 429);
    assert.equal((await loginFrom(shop, cashier.user.email, cashier.password, atTill(registered))).status, 200);
  });

  it('guessing at a till still locks the account there: of 20 parallel wrong logins at most 5 are checked, then the right password at that till gets 429; another cashier there, and this one at another till, are let in', async () => {
    const [cashier, colleague] = [await newUser('cashier'), await newUser('cashier')];
    const [registered, other] = [await newTill(), await newTill()];
    const shop = freshAddress();
    // Fewer than the till's own budget, so only the account's count at this till can refuse.
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(shop, cashier.user.email, `guess ${i}`, atTill(registered))));
    const checked = replies.filter((reply) => reply.status !== 429);
    assert.ok(checked.length <= MAX_FAILURES, `${checked.length} passwords were checked`);
    const locked = await loginFrom(shop, cashier.user.email, cashier.password, atTill(registered));
    assert.equal(locked.status, 429);
    assert.equal(locked.body.error?.code, 'AUTH.LOCKED');
    assert.equal((await loginFrom(shop, colleague.user.email, colleague.password, atTill(registered))).status, 200);
    assert.equal((await loginFrom(shop, cashier.user.email, cashier.password, atTill(other))).status, 200);
  });

  it('password spraying at a till: after its budget of failures every login at it gets 429; another till at the same address is not slowed', async () => {
    const cashier = await newUser('cashier');
    const [sprayed, other] = [await newTill(), await newTill()];
    const shop = freshAddress();
    const replies = await Promise.all(Array.from({ length: TILL_MAX_FAILURES + 10 }, () => loginFrom(shop, uniqueEmail('sprayed'), 'Summer2025!', atTill(sprayed))));
    const checked = replies.filter((reply) => reply.status !== 429);
    assert.ok(checked.length <= TILL_MAX_FAILURES, `${checked.length} passwords were checked`);
    assert.equal((await loginFrom(shop, cashier.user.email, cashier.password, atTill(sprayed))).status, 429);
    assert.equal((await loginFrom(shop, cashier.user.email, cashier.password, atTill(other))).status, 200);
  });

  it('a wrong till key is refused before any password check: six of them with wrong passwords leave the account\'s count at that till untouched', async () => {
    const cashier = await newUser('cashier');
    const registered = await newTill();
    const shop = freshAddress();
    for (let i = 0; i <= MAX_FAILURES; i++) {
      const reply = await loginFrom(shop, cashier.user.email, `guess ${i}`, { ...atTill(registered), 'x-till-key': `guessed key ${i}` });
      assert.equal(reply.body.error?.code, 'TILL.UNKNOWN');
    }
    assert.equal((await loginFrom(shop, cashier.user.email, cashier.password, atTill(registered))).status, 200);
  });
});

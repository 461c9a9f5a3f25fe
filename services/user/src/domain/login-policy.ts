/** How many password checks a login may use before it is refused for a while.
 *
 * Counted per account at a source, not per account alone: an attacker who guesses at a
 * cashier's password locks only their own source out of that account, never the cashier at
 * the till. The source is the registered till a login proves with the till's credential, or
 * else the network address: a shop's tills usually share one address, and bad logins from it
 * (an attacker on the shop's network, a device gone wrong) must not lock a registered till.
 * Unknown emails are counted the same way, so the answers never tell whether an email has an
 * account. Each source also has a budget of failed checks across all emails, which slows
 * password spraying (a few guesses at many accounts). */
export interface LoginPolicy {
  maxFailures: number;
  addressMaxFailures: number;
  tillMaxFailures: number;
  /** The window the counts cover; a key over its limit is refused until its window ends. */
  windowSeconds: number;
}

/** Where a login comes from, for counting. */
export type LoginSource = { till: string } | { address: string };

/** The two counts a password check uses: the account's at this source, and the source's budget. */
export function throttleKeys(email: string, source: LoginSource): { account: string; source: string } {
  const account = email.trim().toLowerCase();
  // An address never begins with "till:", so the two kinds of source cannot share a count.
  return 'till' in source
    ? { account: `account:${account}|till:${source.till}`, source: `till:${source.till}` }
    : { account: `account:${account}|${source.address}`, source: `address:${source.address}` };
}

export function limitOf(key: string, policy: LoginPolicy): number {
  if (key.startsWith('address:')) return policy.addressMaxFailures;
  if (key.startsWith('till:')) return policy.tillMaxFailures;
  // 'account:…' (an account at a source) and 'pin:<user id>' (a manager's PIN, use-cases/approvals.ts).
  return policy.maxFailures;
}

export function secondsUntil(moment: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((moment.getTime() - now.getTime()) / 1000));
}

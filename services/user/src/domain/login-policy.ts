/** How many password checks a login may use before it is refused for a while.
 *
 * Counted per (email, source address), not per account: an attacker who guesses at a
 * cashier's password locks only their own address out of that account, never the cashier at
 * the till. Unknown emails are counted the same way, so the answers never tell whether an
 * email has an account. Each address also has a budget of failed checks across all emails,
 * which slows password spraying (a few guesses at many accounts). */
export interface LoginPolicy {
  maxFailures: number;
  addressMaxFailures: number;
  /** The window the counts cover; a key over its limit is refused until its window ends. */
  windowSeconds: number;
}

export const accountKey = (email: string, address: string) => `account:${email.trim().toLowerCase()}|${address}`;
export const addressKey = (address: string) => `address:${address}`;

export function limitOf(key: string, policy: LoginPolicy): number {
  return key.startsWith('address:') ? policy.addressMaxFailures : policy.maxFailures;
}

export function secondsUntil(moment: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((moment.getTime() - now.getTime()) / 1000));
}

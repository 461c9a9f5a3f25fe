// Ending a user's sessions reaches every service within a second, not at token expiry: the
// user service publishes "tokens of user X below session generation G are revoked until T",
// every process keeps that in memory, and its token verifier refuses matching tokens.
import { z } from 'zod';

/** The broadcast topic: every process hears every revocation (see components/pubsub-broadcast.yaml). */
export const SESSION_REVOCATION_TOPIC = 'pos.session-revocations';
export const SESSION_REVOCATION_EVENT = 'pos.user.sessions-revoked.v1';
/** The access-token claim holding the user's session generation when the token was issued. */
export const SESSION_GENERATION_CLAIM = 'gen';

export const sessionRevocation = z.object({
  userId: z.string().min(1),
  /** Tokens of the user whose generation is below this one are revoked. */
  belowGeneration: z.number().int().positive(),
  /** No token revoked here can be valid after this (its issue time plus the access-token
   * lifetime, with a margin); the entry is forgotten then. */
  until: z.iso.datetime(),
});
export type SessionRevocation = z.infer<typeof sessionRevocation>;

/** What this process has heard of revoked sessions, per user, each kept until no token it
 * revokes can still be valid, so the list stays as small as the revocations of 15 minutes. */
export class SessionRevocations {
  readonly #byUser = new Map<string, { belowGeneration: number; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Idempotent and order-free: the highest generation and the latest end win, so a
   * replayed or late event never lifts a newer revocation. */
  add(revocation: SessionRevocation): void {
    const now = this.#now();
    this.#forgetExpired(now);
    const until = Date.parse(revocation.until);
    if (until <= now) return;
    const known = this.#byUser.get(revocation.userId);
    this.#byUser.set(revocation.userId, {
      belowGeneration: Math.max(revocation.belowGeneration, known?.belowGeneration ?? 0),
      until: Math.max(until, known?.until ?? 0),
    });
  }

  isRevoked(userId: string, generation: number): boolean {
    const entry = this.#byUser.get(userId);
    return entry !== undefined && entry.until > this.#now() && generation < entry.belowGeneration;
  }

  #forgetExpired(now: number): void {
    for (const [userId, entry] of this.#byUser) if (entry.until <= now) this.#byUser.delete(userId);
  }
}

/** One list per process: the subscription fills it, every token verifier of the process reads it. */
export const sessionRevocations = new SessionRevocations();

import { createHash } from 'node:crypto';
import type { StateStore } from '@pos/platform';

/** What a refresh returned, kept so a retry of the same exchange gets the same answer. */
export interface ExchangeResult {
  /** The state key of the token handed out: once that one is used, the retry window is closed. */
  successorKey: string;
  /** The pair, sealed with the exchanged token (domain/sealed.ts). */
  sealedPair: string;
  retryUntil: string;
}

/** One refresh token. The token itself is never stored: the key is its SHA-256. */
export interface RefreshTokenEntry {
  userId: string;
  familyId: string;
  /** The user's session generation when the family started (users.session_generation). */
  generation: number;
  /** Set when the token was exchanged; seeing it again outside the retry window means it
   * was stolen or replayed. */
  used: boolean;
  exchange?: ExchangeResult;
  /** The registered till the family was started at: its tokens refresh only at that till. */
  tillId?: string;
}

/** A login and every refresh token rotated from it. */
export interface SessionFamily {
  userId: string;
  revoked: boolean;
}

type Value = RefreshTokenEntry | SessionFamily;
export type FoundToken = { value: RefreshTokenEntry; etag: string };

export const tokenKey = (token: string) => `refresh-token:${createHash('sha256').update(token).digest('base64url')}`;
const familyKey = (familyId: string) => `session-family:${familyId}`;

/** Refresh-token sessions in the Dapr state store, each entry living as long as a refresh
 * token. Ending all of a user's sessions is not kept here but in PostgreSQL (the generation). */
export function sessionStore(state: StateStore<Value>, ttlSeconds: number) {
  const find = async (key: string) => (await state.get(key)) as FoundToken | undefined;
  return {
    /** A login starts a family; it lives one refresh lifetime, which caps the whole session.
     * Rotations never write it, so they cannot undo a revocation that raced them. */
    async startFamily(familyId: string, userId: string): Promise<void> {
      await state.save(familyKey(familyId), { userId, revoked: false }, { ttlSeconds, firstWrite: true });
    },

    async saveToken(token: string, entry: RefreshTokenEntry): Promise<void> {
      await state.save(tokenKey(token), entry, { ttlSeconds, firstWrite: true });
    },

    findToken: (token: string) => find(tokenKey(token)),
    findTokenByKey: find,

    /** Fails with a conflict if another request marked it first: only one exchange wins. */
    async markUsed(token: string, found: FoundToken, exchange: ExchangeResult): Promise<void> {
      await state.save(tokenKey(token), { ...found.value, used: true, exchange }, { etag: found.etag, ttlSeconds });
    },

    async isFamilyRevoked(familyId: string): Promise<boolean> {
      const family = (await state.get(familyKey(familyId)))?.value as SessionFamily | undefined;
      return !family || family.revoked;
    },

    async revokeFamily(familyId: string, userId: string): Promise<void> {
      await state.save(familyKey(familyId), { userId, revoked: true }, { ttlSeconds });
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;

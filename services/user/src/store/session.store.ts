import { createHash } from 'node:crypto';
import type { StateStore } from '@pos/platform';

/** One refresh token. The token itself is never stored: the key is its SHA-256. */
export interface RefreshTokenEntry {
  userId: string;
  familyId: string;
  issuedAt: string;
  /** Set when the token was exchanged; seeing it again means it was stolen or replayed. */
  used: boolean;
}

/** A login and every refresh token rotated from it. */
export interface SessionFamily {
  userId: string;
  revoked: boolean;
}

type Value = RefreshTokenEntry | SessionFamily | { revokedAt: string };

const tokenKey = (token: string) => `refresh-token:${createHash('sha256').update(token).digest('base64url')}`;
const familyKey = (familyId: string) => `session-family:${familyId}`;
const revokedKey = (userId: string) => `sessions-revoked:${userId}`;

/** Refresh-token sessions in the Dapr state store, each entry living as long as a refresh token. */
export function sessionStore(state: StateStore<Value>, ttlSeconds: number) {
  return {
    /** A login starts a family; it lives one refresh lifetime, which caps the whole session.
     * Rotations never write it, so they cannot undo a revocation that raced them. */
    async startFamily(familyId: string, userId: string): Promise<void> {
      await state.save(familyKey(familyId), { userId, revoked: false }, { ttlSeconds, firstWrite: true });
    },

    async saveToken(token: string, entry: RefreshTokenEntry): Promise<void> {
      await state.save(tokenKey(token), entry, { ttlSeconds, firstWrite: true });
    },

    async findToken(token: string) {
      const found = await state.get(tokenKey(token));
      return found as { value: RefreshTokenEntry; etag: string } | undefined;
    },

    /** Fails with a conflict if another request marked it first: only one exchange wins. */
    async markUsed(token: string, found: { value: RefreshTokenEntry; etag: string }): Promise<void> {
      await state.save(tokenKey(token), { ...found.value, used: true }, { etag: found.etag, ttlSeconds });
    },

    async isFamilyRevoked(familyId: string): Promise<boolean> {
      const family = (await state.get(familyKey(familyId)))?.value as SessionFamily | undefined;
      return !family || family.revoked;
    },

    async revokeFamily(familyId: string, userId: string): Promise<void> {
      await state.save(familyKey(familyId), { userId, revoked: true }, { ttlSeconds });
    },

    /** Every refresh token of the user issued until now stops working. */
    async revokeAllOf(userId: string): Promise<void> {
      await state.save(revokedKey(userId), { revokedAt: new Date().toISOString() }, { ttlSeconds });
    },

    async allRevokedAt(userId: string): Promise<string | undefined> {
      return ((await state.get(revokedKey(userId)))?.value as { revokedAt: string } | undefined)?.revokedAt;
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;

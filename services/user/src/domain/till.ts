import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, NotFoundError, UnauthorizedError, type TillClaim } from '@pos/platform';

/** A registered till: a device that logs its cashiers in with a credential of its own. */
export interface Till {
  id: string;
  code: string;
  outletId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** What a till presents with a login or a refresh (headers X-Till-Id, X-Till-Key). */
export interface TillCredential {
  id: string;
  key: string;
}

/** A new device key: 256 random bits, shown once to whoever registers the till. */
export const newTillKey = (): string => randomBytes(32).toString('base64url');

/** A SHA-256 is enough for a random 256-bit key (see migrations/003-tills.sql). */
export const hashTillKey = (key: string): Buffer => createHash('sha256').update(key).digest();

export const keyMatches = (key: string, stored: Buffer): boolean => timingSafeEqual(hashTillKey(key), stored);

export const claimOf = (till: Till): TillClaim => ({ id: till.id, code: till.code, outletId: till.outletId });

/** One answer for an unknown till and a wrong key, so ids cannot be probed. */
export const unknownTill = () => new UnauthorizedError('the till is not registered or its key is wrong', 'TILL.UNKNOWN');

/** The till a credential names, if the key is its key and it is not revoked. */
export function verifiedTill(found: { till: Till; keyHash: Buffer } | undefined, credential: TillCredential): Till {
  if (!found || !keyMatches(credential.key, found.keyHash)) throw unknownTill();
  if (found.till.revokedAt) throw new ForbiddenError(`till ${found.till.code} has been revoked`, 'TILL.REVOKED');
  return found.till;
}

export function existingTill(till: Till | undefined, id: string): Till {
  if (!till) throw new NotFoundError('TILL.NOT_FOUND', `no till ${id}`);
  return till;
}

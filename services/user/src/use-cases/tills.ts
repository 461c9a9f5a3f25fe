import { randomUUID } from 'node:crypto';
import { addToOutbox, withTransaction } from '@pos/platform';
import { existingTill, hashTillKey, newTillKey, verifiedTill, type Till, type TillCredential } from '../domain/till.ts';
import { tillRevoked } from '../events/till-events.ts';
import { findTillWithKey, insertTill, lockTill, markTillRevoked } from '../store/till.store.ts';
import type { UserServiceDeps } from './deps.ts';

export interface NewTill {
  code: string;
  outletId: string;
  name?: string;
}

/** Registers a till and makes its device key, returned this once: only its hash is kept. */
export async function registerTill(deps: UserServiceDeps, input: NewTill): Promise<{ till: Till; key: string }> {
  const key = newTillKey();
  const till = await insertTill(deps.pool, { id: randomUUID(), code: input.code, outletId: input.outletId, name: input.name ?? input.code, keyHash: hashTillKey(key) });
  return { till, key };
}

/** Its key stops working for logins and refreshes, and its revocation is published. Revoking
 * a revoked till changes nothing and publishes nothing: the answer is the same till. */
export function revokeTill(deps: UserServiceDeps, id: string): Promise<Till> {
  return withTransaction(deps.pool, async (tx) => {
    const till = existingTill(await lockTill(tx, id), id);
    if (till.revokedAt) return till;
    const revoked = await markTillRevoked(tx, id);
    await addToOutbox(tx, [tillRevoked(revoked)]);
    return revoked;
  });
}

/** The registered, unrevoked till a credential proves (401 TILL.UNKNOWN, 403 TILL.REVOKED). */
export async function verifyTill(deps: UserServiceDeps, credential: TillCredential): Promise<Till> {
  return verifiedTill(await findTillWithKey(deps.pool, credential.id), credential);
}

// Unique keys (SKU, barcodes, PLU) as claim documents whose `_id` is the key.
//
// Order of steps, so a crash between them never breaks uniqueness nor blocks a key forever:
// 1. claim every key the product will hold (insert {_id: key, productId}); then
// 2. write the product (one atomic single-document write); then
// 3. release the keys it no longer holds (delete {_id: key, productId}).
// A crash after 1 leaves claims whose product does not hold the key (or does not exist);
// a crash after 2 leaves claims for keys dropped. Such a claim is free to take, but only
// once its lease has run out: until then its writer may still be between steps 1 and 2.
// A writer goes on to step 2 only within half the lease from its claim (see `claimKeys`),
// so a key is never taken over while the writer that claimed it can still write.
import { ConflictError, DependencyUnavailableError } from '@pos/platform';
import { uniqueKeysOf } from '../domain/product.ts';
import { isDuplicateKey, type Catalogue } from './mongo.ts';

export const CLAIM_LEASE_MS = 60_000;

const takenError = (key: string) => {
  const [kind = 'key', value] = key.split(/:(.*)/s);
  return new ConflictError(`PRODUCT.${kind.toUpperCase()}_TAKEN`, `${kind} ${value} belongs to another product`, { [kind]: value });
};

/** Claims each key for the product, or throws 409 for the first one another product holds
 * (releasing those it claimed). Returns a check to call right before the product write. */
export async function claimKeys(catalogue: Catalogue, productId: string, keys: string[]): Promise<() => void> {
  const claimedAt = Date.now();
  const claimed: string[] = [];
  try {
    for (const key of keys) {
      await claimKey(catalogue, productId, key);
      claimed.push(key);
    }
  } catch (error) {
    await releaseKeys(catalogue, productId, claimed);
    throw error;
  }
  return () => {
    if (Date.now() - claimedAt > CLAIM_LEASE_MS / 2) throw new DependencyUnavailableError('catalogue store (claims expired, try again)');
  };
}

async function claimKey(catalogue: Catalogue, productId: string, key: string): Promise<void> {
  try {
    await catalogue.claims.insertOne({ _id: key, productId, claimedAt: new Date() });
    return;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const claim = await catalogue.claims.findOne({ _id: key });
  if (!claim) return claimKey(catalogue, productId, key); // released meanwhile
  if (claim.productId === productId) {
    await catalogue.claims.updateOne({ _id: key, productId }, { $set: { claimedAt: new Date() } });
    return;
  }
  if (!(await isStale(catalogue, claim))) throw takenError(key);
  // Taken over only if nobody changed the claim since we read it.
  const taken = await catalogue.claims.updateOne(
    { _id: key, productId: claim.productId, claimedAt: claim.claimedAt },
    { $set: { productId, claimedAt: new Date() } },
  );
  if (taken.matchedCount === 0) throw takenError(key);
}

/** A claim is stale when its product does not hold the key and its lease has run out. */
async function isStale(catalogue: Catalogue, claim: { _id: string; productId: string; claimedAt: Date }): Promise<boolean> {
  if (Date.now() - claim.claimedAt.getTime() < CLAIM_LEASE_MS) return false;
  const owner = await catalogue.products.findOne({ _id: claim.productId }, { projection: { sku: 1, units: 1, plu: 1 } });
  return !owner || !uniqueKeysOf(owner).includes(claim._id);
}

/** Gives back keys the product does not hold (any more). */
export async function releaseKeys(catalogue: Catalogue, productId: string, keys: string[]): Promise<void> {
  // One delete per key: FerretDB answers `_id` equality from PostgreSQL, a `$in` by reading every claim.
  await Promise.all(keys.map((key) => catalogue.claims.deleteOne({ _id: key, productId })));
}

// revoked_tills: the tills the user service revoked, as its events told us.
import type { Pool, TillClaim, Transaction } from '@pos/platform';

/** Kept once per till; a repeated or late event leaves the earliest revocation. */
export async function recordRevokedTill(tx: Transaction, till: TillClaim, revokedAt: Date): Promise<void> {
  await tx.query(
    `INSERT INTO revoked_tills (till_id, code, outlet_id, revoked_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (till_id) DO UPDATE SET revoked_at = least(revoked_tills.revoked_at, excluded.revoked_at)`,
    [till.id, till.code, till.outletId, revokedAt]);
}

/** When the till was revoked, or undefined while it is not. */
export async function tillRevokedAt(db: Pool | Transaction, tillId: string): Promise<Date | undefined> {
  const { rows } = await db.query<{ revokedAt: Date }>('SELECT revoked_at AS "revokedAt" FROM revoked_tills WHERE till_id = $1', [tillId]);
  return rows[0]?.revokedAt;
}

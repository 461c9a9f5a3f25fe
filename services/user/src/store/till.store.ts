import { ConflictError, type Pool, type Transaction } from '@pos/platform';
import type { Till } from '../domain/till.ts';

type Db = Pool | Transaction;

interface TillRow {
  id: string;
  code: string;
  outlet_id: string;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
}

const columns = 'id, code, outlet_id, name, created_at, revoked_at';

const toTill = (row: TillRow): Till => ({
  id: row.id, code: row.code, outletId: row.outlet_id, name: row.name,
  createdAt: row.created_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null,
});

export async function insertTill(db: Db, till: { id: string; code: string; outletId: string; name: string; keyHash: Buffer }): Promise<Till> {
  try {
    const { rows } = await db.query<TillRow>(
      `INSERT INTO tills (id, code, outlet_id, name, key_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
      [till.id, till.code, till.outletId, till.name, till.keyHash]);
    return toTill(rows[0] as TillRow);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new ConflictError('TILL.CODE_TAKEN', `the till code ${till.code} is taken`);
    throw error;
  }
}

export async function listTills(db: Db): Promise<Till[]> {
  const { rows } = await db.query<TillRow>(`SELECT ${columns} FROM tills ORDER BY code`);
  return rows.map(toTill);
}

export async function findTill(db: Db, id: string): Promise<Till | undefined> {
  const { rows } = await db.query<TillRow>(`SELECT ${columns} FROM tills WHERE id = $1`, [id]);
  return rows[0] && toTill(rows[0]);
}

export async function findTillWithKey(db: Db, id: string): Promise<{ till: Till; keyHash: Buffer } | undefined> {
  const { rows } = await db.query<TillRow & { key_hash: Buffer }>(`SELECT ${columns}, key_hash FROM tills WHERE id = $1`, [id]);
  return rows[0] && { till: toTill(rows[0]), keyHash: rows[0].key_hash };
}

/** The till, locked until the transaction ends, so two revocations of it take turns. */
export async function lockTill(tx: Transaction, id: string): Promise<Till | undefined> {
  const { rows } = await tx.query<TillRow>(`SELECT ${columns} FROM tills WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] && toTill(rows[0]);
}

export async function markTillRevoked(tx: Transaction, id: string): Promise<Till> {
  const { rows } = await tx.query<TillRow>(`UPDATE tills SET revoked_at = now() WHERE id = $1 RETURNING ${columns}`, [id]);
  return toTill(rows[0] as TillRow);
}

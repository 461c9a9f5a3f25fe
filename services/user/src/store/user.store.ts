import { ConflictError, type Pool, type Role, type Transaction } from '@pos/platform';
import type { User } from '../domain/user.ts';

type Db = Pool | Transaction;

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface Credentials {
  user: User;
  passwordHash: string;
  sessionGeneration: number;
}

const columns = 'id, name, email, role, active, created_at, updated_at';

const toUser = (row: UserRow): User => ({
  id: row.id, name: row.name, email: row.email, role: row.role, active: row.active,
  createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
});

export async function insertUser(tx: Transaction, user: { id: string; name: string; email: string; role: Role; passwordHash: string }): Promise<User> {
  try {
    const { rows } = await tx.query<UserRow>(
      `INSERT INTO users (id, name, email, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
      [user.id, user.name, user.email, user.role, user.passwordHash]);
    return toUser(rows[0] as UserRow);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new ConflictError('USER.EMAIL_TAKEN', `${user.email} already has an account`);
    throw error;
  }
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
  return rows[0] && toUser(rows[0]);
}

type CredentialsRow = UserRow & { password_hash: string; session_generation: number };
const toCredentials = (row: CredentialsRow): Credentials =>
  ({ user: toUser(row), passwordHash: row.password_hash, sessionGeneration: row.session_generation });

export async function findCredentials(db: Db, email: string): Promise<Credentials | undefined> {
  const { rows } = await db.query<CredentialsRow>(
    `SELECT ${columns}, password_hash, session_generation FROM users WHERE lower(email) = lower($1)`, [email]);
  return rows[0] && toCredentials(rows[0]);
}

export async function findCredentialsById(db: Db, id: string): Promise<Credentials | undefined> {
  const { rows } = await db.query<CredentialsRow>(`SELECT ${columns}, password_hash, session_generation FROM users WHERE id = $1`, [id]);
  return rows[0] && toCredentials(rows[0]);
}

/** The account and its current session generation, for a refresh. */
export async function findSessionHolder(db: Db, id: string): Promise<{ user: User; sessionGeneration: number } | undefined> {
  const found = await findCredentialsById(db, id);
  return found && { user: found.user, sessionGeneration: found.sessionGeneration };
}

export async function listUsers(db: Db, page: { search?: string; limit: number; offset: number }): Promise<{ items: User[]; total: number }> {
  const pattern = page.search ? `%${page.search.replace(/[\\%_]/g, '\\$&')}%` : null;
  const where = 'WHERE $1::text IS NULL OR name ILIKE $1 OR email ILIKE $1';
  const [items, total] = await Promise.all([
    db.query<UserRow>(`SELECT ${columns} FROM users ${where} ORDER BY lower(name), id LIMIT $2 OFFSET $3`, [pattern, page.limit, page.offset]),
    db.query<{ count: string }>(`SELECT count(*) FROM users ${where}`, [pattern]),
  ]);
  return { items: items.rows.map(toUser), total: Number(total.rows[0]?.count ?? 0) };
}

/** `endSessions` bumps the session generation: every refresh token issued so far stops working. */
export type UserChanges = Partial<{ name: string; role: Role; active: boolean; passwordHash: string; endSessions: boolean }>;

/** The changed user and their session generation after the change. */
export async function updateUser(tx: Transaction, id: string, changes: UserChanges): Promise<{ user: User; sessionGeneration: number } | undefined> {
  const { rows } = await tx.query<UserRow & { session_generation: number }>(
    `UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), active = coalesce($4, active),
       password_hash = coalesce($5, password_hash), updated_at = now(),
       pin_hash = CASE WHEN coalesce($3, role) IN ('admin', 'manager') THEN pin_hash END,
       session_generation = session_generation + CASE WHEN $6 THEN 1 ELSE 0 END
     WHERE id = $1 RETURNING ${columns}, session_generation`,
    [id, changes.name ?? null, changes.role ?? null, changes.active ?? null, changes.passwordHash ?? null, changes.endSessions ?? false]);
  return rows[0] && { user: toUser(rows[0]), sessionGeneration: rows[0].session_generation };
}

/** Sets a PIN's hash, or clears it (null); false when there is no such user, or (setting one)
 * the account is not a manager's or an admin's. */
export async function setPinHash(tx: Transaction, id: string, pinHash: string | null): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE users SET pin_hash = $2, updated_at = now() WHERE id = $1 AND ($2::text IS NULL OR role IN ('admin', 'manager'))`, [id, pinHash]);
  return rowCount === 1;
}

/** The account that approves by this name (its email, any case, or its id), with its PIN's hash. */
export async function findApprover(db: Db, manager: string): Promise<{ user: User; pinHash: string | null } | undefined> {
  const { rows } = await db.query<UserRow & { pin_hash: string | null }>(
    `SELECT ${columns}, pin_hash FROM users WHERE lower(email) = lower($1) OR id::text = lower($1) LIMIT 1`, [manager]);
  return rows[0] && { user: toUser(rows[0]), pinHash: rows[0].pin_hash };
}

/** Stores a password again under the current scrypt parameters (known only at a login). */
export async function rehashPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}

export async function addAudit(tx: Db, entry: { userId: string; actorId?: string; action: string; changes?: object }): Promise<void> {
  await tx.query('INSERT INTO user_audit (user_id, actor_id, action, changes) VALUES ($1, $2, $3, $4)',
    [entry.userId, entry.actorId ?? null, entry.action, JSON.stringify(entry.changes ?? {})]);
}

export async function anyAdminExists(db: Db): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM users WHERE role = 'admin' AND active LIMIT 1");
  return (rowCount ?? 0) > 0;
}

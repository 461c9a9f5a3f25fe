import { ConflictError, type Pool, type Role, type Transaction } from '@pos/platform';
import type { LoginPolicy } from '../domain/login-policy.ts';
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
  lockedUntil: Date | null;
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

export async function findCredentials(db: Db, email: string): Promise<Credentials | undefined> {
  const { rows } = await db.query<UserRow & { password_hash: string; locked_until: Date | null }>(
    `SELECT ${columns}, password_hash, locked_until FROM users WHERE lower(email) = lower($1)`, [email]);
  const row = rows[0];
  return row && { user: toUser(row), passwordHash: row.password_hash, lockedUntil: row.locked_until };
}

export async function passwordHashOf(db: Db, id: string): Promise<string | undefined> {
  const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]);
  return rows[0]?.password_hash;
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

export type UserChanges = Partial<{ name: string; role: Role; active: boolean; passwordHash: string }>;

export async function updateUser(tx: Transaction, id: string, changes: UserChanges): Promise<User | undefined> {
  const { rows } = await tx.query<UserRow>(
    `UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), active = coalesce($4, active),
       password_hash = coalesce($5, password_hash), updated_at = now()
     WHERE id = $1 RETURNING ${columns}`,
    [id, changes.name ?? null, changes.role ?? null, changes.active ?? null, changes.passwordHash ?? null]);
  return rows[0] && toUser(rows[0]);
}

/** Counts a wrong password and, at the limit, locks the account: one atomic statement, so
 * concurrent attempts cannot slip past the count. */
export async function recordFailedLogin(db: Db, id: string, policy: LoginPolicy): Promise<void> {
  await db.query(
    `UPDATE users SET
       failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END
     WHERE id = $1`,
    [id, policy.maxFailures, policy.lockSeconds]);
}

export async function recordSuccessfulLogin(db: Db, id: string, newPasswordHash?: string): Promise<void> {
  await db.query(
    'UPDATE users SET failed_logins = 0, locked_until = NULL, password_hash = coalesce($2, password_hash) WHERE id = $1',
    [id, newPasswordHash ?? null]);
}

export async function addAudit(tx: Transaction, entry: { userId: string; actorId?: string; action: string; changes?: object }): Promise<void> {
  await tx.query('INSERT INTO user_audit (user_id, actor_id, action, changes) VALUES ($1, $2, $3, $4)',
    [entry.userId, entry.actorId ?? null, entry.action, JSON.stringify(entry.changes ?? {})]);
}

export async function anyAdminExists(db: Db): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM users WHERE role = 'admin' AND active LIMIT 1");
  return (rowCount ?? 0) > 0;
}

import { randomUUID } from 'node:crypto';
import { addToOutbox, ConflictError, withTransaction, type Logger, type Role } from '@pos/platform';
import { hashPassword } from '../domain/password.ts';
import { normalizeEmail, type User } from '../domain/user.ts';
import { userCreated } from '../events/user-events.ts';
import { addAudit, anyAdminExists, insertUser } from '../store/user.store.ts';
import type { UserServiceDeps } from './deps.ts';

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  password: string;
}

/** The account, its audit row and its user-created event: one transaction. */
export async function createUser(deps: UserServiceDeps, actorId: string | undefined, input: NewUser): Promise<User> {
  const passwordHash = await hashPassword(input.password, deps.settings.password);
  return withTransaction(deps.pool, async (tx) => {
    const user = await insertUser(tx, { id: randomUUID(), name: input.name, email: normalizeEmail(input.email), role: input.role, passwordHash });
    await addAudit(tx, { userId: user.id, actorId, action: 'created', changes: { name: user.name, email: user.email, role: user.role } });
    await addToOutbox(tx, [userCreated(user)]);
    return user;
  });
}

/** The first admin comes from the secret store, once, when no admin exists yet. */
export async function bootstrapAdmin(deps: UserServiceDeps, credentials: { email: string; password: string }, log: Logger): Promise<void> {
  if (await anyAdminExists(deps.pool)) return;
  try {
    const admin = await createUser(deps, undefined, { name: 'Administrator', role: 'admin', ...credentials });
    log.info({ userId: admin.id, email: admin.email }, 'first admin created from the secret store');
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (!(error instanceof ConflictError)) throw error;
    log.warn({ email: credentials.email }, 'the bootstrap admin email already has an account; no admin created');
  }
}

import { securedRoute, z, type AnyRoute } from '@pos/platform';
import { existingUser } from '../domain/user.ts';
import { findUser, listUsers } from '../store/user.store.ts';
import { changeRole, deactivateUser, renameUser } from '../use-cases/change-user.ts';
import { createUser } from '../use-cases/create-user.ts';
import type { UserServiceDeps } from '../use-cases/deps.ts';
import { email, name, password, role, user, userId } from './schemas.ts';

const admins = ['admin'] as const;
const staffManagers = ['admin', 'manager'] as const;

/** Managing accounts: admins change them; admins and managers may look. */
export function userRoutes(deps: UserServiceDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/users', summary: 'Create a user', roles: admins,
      body: z.object({ name, email, role, password }),
      responses: { 201: { description: 'created', schema: user }, 409: { description: 'the email has an account' } },
      handle: async ({ principal, body }) => ({ status: 201, body: await createUser(deps, principal.id, body) }),
    }),
    securedRoute({
      method: 'get', path: '/users', summary: 'List users, by name, with search on name or email', roles: staffManagers,
      query: z.object({
        q: z.string().trim().min(1).max(100).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      responses: { 200: { description: 'a page', schema: z.object({ items: z.array(user), total: z.number(), limit: z.number(), offset: z.number() }) } },
      handle: async ({ query }) => ({
        body: { ...(await listUsers(deps.pool, { search: query.q, limit: query.limit, offset: query.offset })), limit: query.limit, offset: query.offset },
      }),
    }),
    securedRoute({
      method: 'get', path: '/users/:id', summary: 'One user', roles: staffManagers, params: userId,
      responses: { 200: { description: 'the user', schema: user }, 404: { description: 'no such user' } },
      handle: async ({ params }) => ({ body: existingUser(await findUser(deps.pool, params.id), params.id) }),
    }),
    securedRoute({
      method: 'patch', path: '/users/:id', summary: 'Rename a user', roles: admins, params: userId,
      body: z.object({ name }),
      responses: { 200: { description: 'the user', schema: user } },
      handle: async ({ principal, params, body }) => ({ body: await renameUser(deps, principal, params.id, body.name) }),
    }),
    securedRoute({
      method: 'put', path: '/users/:id/role', summary: 'Change a user\'s role', roles: admins, params: userId,
      body: z.object({ role }),
      responses: { 200: { description: 'the user', schema: user }, 409: { description: 'your own role' } },
      handle: async ({ principal, params, body }) => ({ body: await changeRole(deps, principal, params.id, body.role) }),
    }),
    securedRoute({
      method: 'post', path: '/users/:id/deactivate', summary: 'Deactivate a user and end their sessions', roles: admins, params: userId,
      responses: { 200: { description: 'the user', schema: user }, 409: { description: 'your own account' } },
      handle: async ({ principal, params }) => ({ body: await deactivateUser(deps, principal, params.id) }),
    }),
  ];
}

import { defineRoute, securedRoute, z, type AnyRoute } from '@pos/platform';
import { existingUser } from '../domain/user.ts';
import { findUser } from '../store/user.store.ts';
import { changeOwnPassword } from '../use-cases/change-own-password.ts';
import { renameUser } from '../use-cases/change-user.ts';
import type { UserServiceDeps } from '../use-cases/deps.ts';
import { login } from '../use-cases/login.ts';
import { endAllSessions, refreshSession } from '../use-cases/refresh-session.ts';
import { email, name, password, tokenPair, user } from './schemas.ts';
import { tillCredentialOf } from './till-credential.ts';

/** Login, tokens, the key set, and what a user may do to their own account. */
export function authRoutes(deps: UserServiceDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/auth/login', summary: 'Log in with email and password (at a registered till: with X-Till-Id and X-Till-Key)',
      body: z.object({ email, password: z.string().min(1).max(256) }),
      responses: {
        200: { description: 'a new session', schema: tokenPair }, 401: { description: 'wrong email or password, or an unknown till or key' },
        403: { description: 'the till is revoked' }, 429: { description: 'too many failures from this address, or at this till' },
      },
      handle: async ({ body, ctx }) => ({ body: await login(deps, body.email, body.password, { address: ctx.ip, till: tillCredentialOf(ctx) }) }),
    }),
    defineRoute({
      method: 'post', path: '/auth/refresh', summary: 'Exchange a refresh token (once) for a new pair',
      body: z.object({ refreshToken: z.string().min(1).max(200) }),
      responses: {
        200: { description: 'the rotated pair', schema: tokenPair },
        401: { description: 'unknown, expired, revoked or reused; or not the till the session was started at' }, 403: { description: 'the till is revoked' },
      },
      handle: async ({ body, ctx }) => ({ body: await refreshSession(deps, body.refreshToken, tillCredentialOf(ctx)) }),
    }),
    securedRoute({
      method: 'post', path: '/auth/logout', summary: 'End every session of the caller', roles: 'any-role',
      responses: { 204: { description: 'logged out everywhere' } },
      handle: async ({ principal }) => { await endAllSessions(deps, principal); return {}; },
    }),
    defineRoute({
      method: 'get', path: '/.well-known/jwks.json', summary: 'Public keys that verify access tokens',
      responses: { 200: { description: 'JWKS' } },
      handle: async () => ({ body: deps.keys.jwks }),
    }),
    securedRoute({
      method: 'get', path: '/me', summary: 'The caller\'s account', roles: 'any-role',
      responses: { 200: { description: 'the account', schema: user } },
      handle: async ({ principal }) => ({ body: existingUser(await findUser(deps.pool, principal.id), principal.id) }),
    }),
    securedRoute({
      method: 'patch', path: '/me', summary: 'Change your own name', roles: 'any-role',
      body: z.object({ name }),
      responses: { 200: { description: 'the account', schema: user } },
      handle: async ({ principal, body }) => ({ body: await renameUser(deps, principal, principal.id, body.name) }),
    }),
    securedRoute({
      method: 'post', path: '/me/password', summary: 'Change your own password (the current one is required)', roles: 'any-role',
      body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: password }),
      responses: { 204: { description: 'changed; other sessions ended' }, 403: { description: 'the current password is wrong' }, 429: { description: 'too many failures from this address' } },
      handle: async ({ principal, body, ctx }) => { await changeOwnPassword(deps, principal, body.currentPassword, body.newPassword, ctx.ip); return {}; },
    }),
  ];
}

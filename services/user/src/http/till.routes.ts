import { ForbiddenError, securedRoute, z, type AnyRoute } from '@pos/platform';
import { existingTill } from '../domain/till.ts';
import { findTill, listTills } from '../store/till.store.ts';
import type { UserServiceDeps } from '../use-cases/deps.ts';
import { registerTill, revokeTill } from '../use-cases/tills.ts';
import { till, tillCode } from './schemas.ts';

const tillManagers = ['admin', 'manager'] as const;

/** Registering and revoking tills, and a till asking what it is. */
export function tillRoutes(deps: UserServiceDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'post', path: '/tills', summary: 'Register a till; its device key is in this answer only', roles: tillManagers,
      body: z.object({ code: tillCode, outletId: z.string().trim().min(1).max(50), name: z.string().trim().min(1).max(100).optional() }),
      responses: { 201: { description: 'registered', schema: z.object({ till, key: z.string() }) }, 409: { description: 'the code is taken (codes are never reused)' } },
      handle: async ({ body }) => ({ status: 201, body: await registerTill(deps, body) }),
    }),
    securedRoute({
      method: 'get', path: '/tills', summary: 'Every till, revoked ones too, by code', roles: tillManagers,
      responses: { 200: { description: 'the tills', schema: z.object({ tills: z.array(till) }) } },
      handle: async () => ({ body: { tills: await listTills(deps.pool) } }),
    }),
    securedRoute({
      method: 'post', path: '/tills/:id/revoke', summary: 'Revoke a till: its key stops working (again: no change)', roles: tillManagers,
      params: z.object({ id: z.uuid() }),
      responses: { 200: { description: 'the revoked till', schema: till }, 404: { description: 'no such till' } },
      handle: async ({ params }) => ({ body: await revokeTill(deps, params.id) }),
    }),
    securedRoute({
      method: 'get', path: '/tills/current', summary: 'The till the caller\'s token was issued at', roles: 'any-role',
      responses: { 200: { description: 'the till (revokedAt set once revoked)', schema: till }, 403: { description: 'the token names no till' } },
      handle: async ({ principal }) => {
        if (!principal.till) throw new ForbiddenError('this token was not issued at a registered till', 'TILL.REQUIRED');
        return { body: existingTill(await findTill(deps.pool, principal.till.id), principal.till.id) };
      },
    }),
  ];
}

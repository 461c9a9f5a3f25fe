import { APPROVAL_ACTIONS, securedRoute, z, type AnyRoute } from '@pos/platform';
import { approve, clearPin, setOwnPin } from '../use-cases/approvals.ts';
import type { UserServiceDeps } from '../use-cases/deps.ts';
import { userId } from './schemas.ts';

const pin = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');
const approvalBody = z.object({
  /** The approving manager: their email (as they log in) or their user id. */
  manager: z.string().trim().min(1).max(254),
  pin: z.string().min(1).max(8),
  action: z.enum(APPROVAL_ACTIONS),
  ref: z.string().trim().min(1).max(100),
  amount: z.number().int().min(0).max(1_000_000_000_000),
}).strict();
const approvalView = z.object({ approval: z.string(), expiresAt: z.string(), approvedBy: z.object({ id: z.string(), name: z.string() }) });

/** Manager PINs, and the approvals a manager gives with one at a cashier's till. */
export function approvalRoutes(deps: UserServiceDeps): AnyRoute[] {
  return [
    securedRoute({
      method: 'put', path: '/me/pin', summary: 'Set your own approval PIN (managers and admins)', roles: ['admin', 'manager'],
      body: z.object({ pin }).strict(),
      responses: { 204: { description: 'set' }, 400: { description: 'not 4 to 8 digits' }, 401: { description: 'no valid token' }, 403: { description: 'not a manager or admin' } },
      handle: async ({ principal, body }) => { await setOwnPin(deps, principal, body.pin); return {}; },
    }),
    securedRoute({
      method: 'delete', path: '/users/:id/pin', summary: 'Clear a manager\'s PIN (admins)', roles: ['admin'], params: userId,
      responses: { 204: { description: 'cleared' }, 401: { description: 'no valid token' }, 403: { description: 'not an admin' }, 404: { description: 'no such user' } },
      handle: async ({ principal, params }) => { await clearPin(deps, principal, params.id); return {}; },
    }),
    securedRoute({
      method: 'post', path: '/approvals',
      summary: 'A manager approves one action of the caller (a cashier at a till) with their PIN: a JWT for X-Approval, usable once within 2 minutes',
      roles: 'any-role', body: approvalBody,
      responses: {
        201: { description: 'the approval', schema: approvalView }, 400: { description: 'invalid request' },
        401: { description: 'no valid token; or the manager or the PIN is wrong (APPROVAL.WRONG_PIN)' },
        429: { description: 'too many wrong PINs for this manager (APPROVAL.PIN_LOCKED)' },
      },
      handle: async ({ principal, body }) => {
        const { manager, pin: given, ...asked } = body;
        return { status: 201, body: await approve(deps, principal, manager, given, asked) };
      },
    }),
  ];
}

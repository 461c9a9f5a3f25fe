import { ValidationError } from '@pos/platform';
import type Koa from 'koa';

/** The manager's approval a cashier's request carries (X-Approval, from POST /approvals on
 * user), or none. */
export function approvalOf(ctx: Koa.Context): string | undefined {
  const header = ctx.get('x-approval');
  if (!header) return undefined;
  if (header.length > 4000) {
    throw new ValidationError('X-Approval is longer than 4000 characters', [{ field: 'headers.x-approval', problem: 'longer than 4000 characters' }]);
  }
  return header;
}

// A discount as a request gives it: a whole percent (0–100) or an amount of Rupiah; a reason
// makes it a price override (domain/discounts.ts).
import { ValidationError, z } from '@pos/platform';
import type Koa from 'koa';

const reason = z.string().trim().min(1).max(200).optional();
export const discountBody = z.union([
  z.object({ percent: z.number().int().min(0).max(100), reason }).strict(),
  z.object({ amount: z.number().int().min(0).max(1_000_000_000_000), reason }).strict(),
]);

/** A manager's approval (X-Approval: the JWT POST /approvals on user answered), if given. */
export function approvalHeader(ctx: Koa.Context): string | undefined {
  const token = ctx.get('x-approval');
  if (token === '') return undefined;
  if (token.length > 4096) throw new ValidationError('X-Approval is longer than 4096 characters', { header: 'X-Approval' });
  return token;
}

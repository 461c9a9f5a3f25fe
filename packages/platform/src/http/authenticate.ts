import type Koa from 'koa';
import type { Principal, TokenVerifier } from '../auth/token-verifier.ts';
import { ForbiddenError, UnauthorizedError } from '../errors/app-errors.ts';
import type { AuthRule } from './route.ts';

/** Every service verifies tokens itself: a gateway may have checked them too, but no service
 * trusts that it did. */
export async function authenticate(ctx: Koa.Context, rule: AuthRule, tokens: TokenVerifier): Promise<Principal> {
  const [scheme, token] = (ctx.get('authorization') || '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw new UnauthorizedError('an access token is required (Authorization: Bearer <token>)');
  }
  const principal = await tokens.verify(token);
  if (rule !== 'any-role' && !rule.includes(principal.role)) {
    throw new ForbiddenError(`this needs the role ${rule.join(' or ')}; you are ${principal.role}`);
  }
  return principal;
}

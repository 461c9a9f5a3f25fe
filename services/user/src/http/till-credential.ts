import { ValidationError, z } from '@pos/platform';
import type Koa from 'koa';
import type { TillCredential } from '../domain/till.ts';

const headers = z.object({ 'x-till-id': z.uuid(), 'x-till-key': z.string().min(1).max(100) });

/** The till credential a login or refresh presents in X-Till-Id and X-Till-Key, or none when
 * neither header is sent. One without the other, or a malformed one, is a 400 naming it. */
export function tillCredentialOf(ctx: Koa.Context): TillCredential | undefined {
  const sent = { 'x-till-id': ctx.get('x-till-id'), 'x-till-key': ctx.get('x-till-key') };
  if (!sent['x-till-id'] && !sent['x-till-key']) return undefined;
  const parsed = headers.safeParse(sent);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ field: `headers.${issue.path.join('.')}`, problem: issue.message }));
    throw new ValidationError(`invalid request: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`, problems);
  }
  return { id: parsed.data['x-till-id'], key: parsed.data['x-till-key'] };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '../errors/app-errors.ts';

/** The header (HTTP) or metadata key (gRPC) that carries an API token to or from a sidecar. */
export const API_TOKEN_KEY = 'dapr-api-token';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether a call presents this app's APP_API_TOKEN, the token only its own sidecar sends.
 * Fails closed: an app started without the token accepts no Dapr-only call at all. */
export function fromOwnSidecar(presented: unknown, expected = process.env.APP_API_TOKEN): boolean {
  if (!expected || typeof presented !== 'string') return false;
  // Digests have one length, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Throws unless the call comes from this app's sidecar (for Dapr-only entry points). */
export function requireOwnSidecar(presented: unknown): void {
  if (!fromOwnSidecar(presented)) {
    throw new UnauthorizedError('this entry point answers the app\'s own Dapr sidecar only', 'AUTH.NOT_FROM_SIDECAR');
  }
}

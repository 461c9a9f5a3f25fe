// A manager's approval of one action a cashier may not do alone: a short-lived, one-use JWT the
// user service signs with its token key (same JWKS) after the manager's PIN at the till. Its
// audience is not the access tokens' one, so neither is ever taken for the other.
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { DependencyUnavailableError, ForbiddenError } from '../errors/app-errors.ts';
import { describeTokenError, isKeySetFailure, ROLES, TOKEN_ISSUER } from './token-verifier.ts';

/** What a manager may approve; one list for the issuer and every service that checks. */
export const APPROVAL_ACTIONS = ['refund', 'discount', 'price-override', 'void', 'no-sale', 'reprint', 'shift-variance'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_AUDIENCE = 'pos-approval';
/** How long an approval lives: the time to finish the action at the till. */
export const APPROVAL_TTL_SECONDS = 120;

const text = z.string().min(1).max(200);
const claims = z.object({
  /** The approving manager's user id, name and role. */
  sub: text, name: text, role: z.enum(ROLES),
  act: z.enum(APPROVAL_ACTIONS),
  /** What it is for: an order id, a shift id, a receipt number, a product id… */
  ref: text,
  /** The integer Rupiah the manager approved. */
  amt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** The cashier who asked for it, and the till code of their token if it had one. */
  req: text, till: text.optional(),
  /** Its id (used once) and its end. */
  jti: text, exp: z.number(),
});
/** The claims of a verified approval. */
export type ApprovalClaims = z.infer<typeof claims>;

const invalid = (why: string) => new ForbiddenError(`the approval is not valid: ${why}`, 'APPROVAL.INVALID');

/** The approval's claims, or 403 APPROVAL.INVALID (an access token, expired, wrong signature,
 * audience or claims); 503 when the key set cannot be had. One use is for the caller to hold. */
export async function verifyApproval(token: string, keys: JWTVerifyGetKey): Promise<ApprovalClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keys, { issuer: TOKEN_ISSUER, audience: APPROVAL_AUDIENCE, algorithms: ['RS256'] }));
  } catch (error) {
    if (isKeySetFailure(error)) throw new DependencyUnavailableError('the token issuer\'s keys', error);
    throw invalid(describeTokenError(error));
  }
  const parsed = claims.safeParse(payload);
  if (!parsed.success) throw invalid(`its claims are missing or malformed (${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')})`);
  return parsed.data;
}

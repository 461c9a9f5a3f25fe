import { randomUUID } from 'node:crypto';
import { APPROVAL_AUDIENCE, APPROVAL_TTL_SECONDS, TOKEN_ISSUER, type ApprovalAction, type Principal } from '@pos/platform';
import { SignJWT } from 'jose';
import type { SigningKeys } from './access-token.ts';
import type { User } from './user.ts';

export interface ApprovalAsked {
  action: ApprovalAction;
  ref: string;
  amount: number;
}

/** A manager's approval of one action for one cashier: signed with the access tokens' key, but
 * for audience pos-approval, so no service takes it for an access token (nor an access token
 * for it). The service that acts on it spends its jti once (order: approvals_used). */
export async function issueApprovalToken(approver: User, cashier: Principal, asked: ApprovalAsked, keys: SigningKeys): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + APPROVAL_TTL_SECONDS) * 1000);
  const token = await new SignJWT({
    name: approver.name, role: approver.role, act: asked.action, ref: asked.ref, amt: asked.amount, req: cashier.id,
    ...(cashier.till && { till: cashier.till.code }),
  })
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
    .setSubject(approver.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(APPROVAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .setJti(randomUUID())
    .sign(keys.privateKey);
  return { token, expiresAt };
}

// A manager's approval at the till: an action the server answers 403 APPROVAL.REQUIRED is
// asked of a manager (email and PIN, POST /approvals on user), then sent once more with the
// one-use approval (header X-Approval), bound to exactly the action, thing and amount the
// server named. No UI and no network here: the screen asks, app/approval.ts calls.

/** The actions the server knows (the platform's APPROVAL_ACTIONS). */
export const APPROVAL_ACTIONS = ['refund', 'discount', 'price-override', 'void', 'no-sale', 'reprint', 'shift-variance'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** What the server asks a manager to approve (403 APPROVAL.REQUIRED's details). */
export interface ApprovalRequest { action: ApprovalAction; ref: string; amount: number }

/** An app's refusal as the till sees it (app/api.ts's ApiError has these). */
export interface Refusal { status: number; code: string; body: unknown; retryAfter?: number }

const isAction = (value: unknown): value is ApprovalAction => APPROVAL_ACTIONS.includes(value as ApprovalAction);

/** The approval a refusal asks for, or undefined when it asks for none (or names it badly:
 * then the till cannot know what to ask, and the refusal stands). */
export function approvalAskedFor(refusal: Refusal): ApprovalRequest | undefined {
  if (refusal.status !== 403 || refusal.code !== 'APPROVAL.REQUIRED') return undefined;
  const details = (refusal.body as { error?: { details?: unknown } } | null)?.error?.details as Partial<ApprovalRequest> | undefined;
  if (!details || !isAction(details.action) || typeof details.ref !== 'string' || details.ref === '') return undefined;
  if (typeof details.amount !== 'number' || !Number.isSafeInteger(details.amount) || details.amount < 0) return undefined;
  return { action: details.action, ref: details.ref, amount: details.amount };
}

export const PIN_PATTERN = /^\d{4,8}$/;

export type PinProblem = 'manager-missing' | 'pin-format';
/** What the cashier typed is fit to send: a manager named and a PIN of 4 to 8 digits. */
export function pinProblem(manager: string, pin: string): PinProblem | undefined {
  if (manager.trim() === '') return 'manager-missing';
  if (!PIN_PATTERN.test(pin)) return 'pin-format';
  return undefined;
}

/** POST /approvals' body: the request exactly as the server named it. */
export const approvalBody = (request: ApprovalRequest, manager: string, pin: string) =>
  ({ manager: manager.trim(), pin, action: request.action, ref: request.ref, amount: request.amount });

export type PinOutcome =
  | { kind: 'approved'; approval: string; approvedBy: string }
  | { kind: 'wrong-pin' }
  | { kind: 'locked'; retryAfter: number }
  | { kind: 'refused'; code: string };

/** POST /approvals' answer sorted: a wrong PIN is 401 and never a lost session. */
export function pinOutcome(answer: { status: number; body: unknown; retryAfter?: number }): PinOutcome {
  const body = answer.body as { approval?: unknown; approvedBy?: { name?: unknown }; error?: { code?: unknown } } | null | undefined;
  if (answer.status === 201 && typeof body?.approval === 'string') {
    return { kind: 'approved', approval: body.approval, approvedBy: typeof body.approvedBy?.name === 'string' ? body.approvedBy.name : '' };
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP_${answer.status}`;
  if (code === 'APPROVAL.WRONG_PIN') return { kind: 'wrong-pin' };
  if (code === 'APPROVAL.PIN_LOCKED' || answer.status === 429) return { kind: 'locked', retryAfter: answer.retryAfter ?? 60 };
  return { kind: 'refused', code };
}

/** The cashier backed out of the PIN pad: the action was not done. */
export class ApprovalCancelled extends Error {
  constructor() { super('approval cancelled'); }
}

/**
 * Does `work` without an approval; when the server asks for one, `ask` gets it from a manager
 * (undefined: the cashier cancelled) and `work` runs once more with it. Only once: a refusal
 * of the approved try (APPROVAL.INVALID, APPROVAL.USED, another rule) is the caller's to show.
 */
export async function withApproval<T>(
  work: (approval: string | undefined) => Promise<T>,
  ask: (request: ApprovalRequest) => Promise<string | undefined>,
  refusalOf: (error: unknown) => Refusal | undefined,
): Promise<T> {
  try {
    return await work(undefined);
  } catch (error) {
    const refusal = refusalOf(error);
    const request = refusal && approvalAskedFor(refusal);
    if (!request) throw error;
    const approval = await ask(request);
    if (approval === undefined) throw new ApprovalCancelled();
    return work(approval);
  }
}

/** The header that carries an approval on the action's request. */
export const approvalHeaders = (approval: string | undefined): Record<string, string> => (approval ? { 'x-approval': approval } : {});

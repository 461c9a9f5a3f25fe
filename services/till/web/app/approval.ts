// The PIN pad's state: an action the server answered 403 APPROVAL.REQUIRED waits here while
// a manager enters their email and PIN (screens/pin-pad.tsx); POST /approvals with the
// cashier's token gives the one-use approval, and the kit's withApproval sends the action once
// more with it. Esc cancels: the action is not done.
import { signal } from '@preact/signals';
import * as kit from '../kit/approval.ts';
import { ApiError, callRaw, Unreachable } from './api.ts';

export { ApprovalCancelled, approvalHeaders } from '../kit/approval.ts';

export type PinPadError = kit.PinProblem | 'wrong-pin' | 'locked' | 'unreachable' | { refused: string };
export interface PinPad { request: kit.ApprovalRequest; error?: PinPadError; retryAfter?: number; busy: boolean }

/** The approval being asked for; undefined when the PIN pad is closed. */
export const pinPad = signal<PinPad | undefined>(undefined);
let answer: ((approval: string | undefined) => void) | undefined;

function ask(request: kit.ApprovalRequest): Promise<string | undefined> {
  answer?.(undefined);
  pinPad.value = { request, busy: false };
  return new Promise((resolve) => { answer = resolve; });
}

function close(approval: string | undefined): void {
  const resolve = answer;
  answer = undefined;
  pinPad.value = undefined;
  resolve?.(approval);
}

export const cancelPinPad = () => close(undefined);

/** The manager's email (or id) and PIN: the approval for exactly what the server asked. */
export async function submitPin(manager: string, pin: string): Promise<void> {
  const pad = pinPad.value;
  if (!pad || pad.busy) return;
  const problem = kit.pinProblem(manager, pin);
  if (problem) { pinPad.value = { ...pad, error: problem }; return; }
  pinPad.value = { request: pad.request, busy: true };
  let outcome: kit.PinOutcome;
  try {
    outcome = kit.pinOutcome(await callRaw('user', '/approvals', { method: 'POST', body: kit.approvalBody(pad.request, manager, pin) }));
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    pinPad.value = { request: pad.request, busy: false, error: 'unreachable' };
    return;
  }
  if (pinPad.value?.request !== pad.request) return;
  if (outcome.kind === 'approved') { close(outcome.approval); return; }
  pinPad.value = {
    request: pad.request, busy: false,
    ...(outcome.kind === 'wrong-pin' && { error: 'wrong-pin' as const }),
    ...(outcome.kind === 'locked' && { error: 'locked' as const, retryAfter: outcome.retryAfter }),
    ...(outcome.kind === 'refused' && { error: { refused: outcome.code } }),
  };
}

const refusalOf = (error: unknown): kit.Refusal | undefined => (error instanceof ApiError ? error : undefined);

/** `work` without an approval, and once more with one when the server asks a manager's. */
export const withApproval = <T>(work: (approval: string | undefined) => Promise<T>): Promise<T> => kit.withApproval(work, ask, refusalOf);

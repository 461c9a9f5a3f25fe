// Runs the saga's due steps: each call to another app is made, then marked done, while the
// step's row stays locked, so two runners never make the same call at once. A crash before
// the mark leaves the step pending; the callee is idempotent per order id, so the call made
// again changes nothing twice.
import { RemoteCallError, withTransaction, type Pool } from '@pos/platform';
import { lockDueSteps, markDone, markFailed, type SagaAction, type SagaStep } from '../store/saga.store.ts';

export type StepHandlers = Record<SagaAction, (step: SagaStep) => Promise<void>>;

const MAX_BACKOFF_MS = 30_000;
/** 250 ms, 500 ms, 1 s, ... up to 30 s between tries. */
export const backoffMs = (attempts: number): number => Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempts, 10));

/** A callee that answered no for a reason of its own (a conflict, an unknown order) will
 * answer the same again: the step is parked as failed for a person to look at. */
export const isFinalRefusal = (error: unknown): boolean =>
  error instanceof RemoteCallError && ['conflict', 'not_found', 'validation'].includes(error.remoteKind ?? '');

/** Steps taken up by one pass. */
export const SAGA_BATCH = 32;

/** Returns how many steps it took up (done or not). */
export async function runDueSteps(pool: Pool, handlers: StepHandlers, batch = SAGA_BATCH): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const steps = await lockDueSteps(tx, batch);
    const outcomes = await Promise.allSettled(steps.map((step) => handlers[step.action](step)));
    const done: number[] = [];
    for (const [index, step] of steps.entries()) {
      const outcome = outcomes[index] ?? { status: 'rejected', reason: new Error('no outcome') };
      if (outcome.status === 'fulfilled') done.push(step.id);
      else await markFailed(tx, step.id, String(outcome.reason), isFinalRefusal(outcome.reason) ? null : backoffMs(step.attempts));
    }
    await markDone(tx, done); // one statement for the batch
    return steps.length;
  });
}

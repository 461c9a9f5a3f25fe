// The catalogue's server stopped or restarting is the driver's network or server-selection
// error: a "try again" for the caller (503, gRPC UNAVAILABLE), not a fault of ours (500).
import { DependencyUnavailableError, unreachableStore } from '@pos/platform';
import type { Catalogue } from './mongo.ts';

/** The error as the edges should see it: an unreachable store becomes DependencyUnavailable. */
function unreachableAsUnavailable(error: unknown): unknown {
  return unreachableStore(error) ? new DependencyUnavailableError('catalogue store', error) : error;
}

/** Runs `work`, rethrowing an unreachable store as DependencyUnavailable; while the store is
 * known to be away, fails at once without running it. */
export async function storeAnswers<T>(catalogue: Pick<Catalogue, 'reachable'>, work: () => Promise<T>): Promise<T> {
  if (!catalogue.reachable()) throw new DependencyUnavailableError('catalogue store');
  try {
    return await work();
  } catch (error) {
    throw unreachableAsUnavailable(error);
  }
}

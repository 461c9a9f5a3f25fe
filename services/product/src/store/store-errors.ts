// The catalogue's server stopped or restarting is the driver's network or server-selection
// error: a "try again" for the caller (503, gRPC UNAVAILABLE), not a fault of ours (500).
import { DependencyUnavailableError } from '@pos/platform';
import { MongoNetworkError, MongoServerSelectionError } from 'mongodb';

/** The error as the edges should see it: an unreachable store becomes DependencyUnavailable. */
function unreachableAsUnavailable(error: unknown): unknown {
  const unreachable = error instanceof MongoNetworkError || error instanceof MongoServerSelectionError;
  return unreachable ? new DependencyUnavailableError('catalogue store', error) : error;
}

/** Runs `work`, rethrowing an unreachable store as DependencyUnavailable. */
export async function storeAnswers<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unreachableAsUnavailable(error);
  }
}

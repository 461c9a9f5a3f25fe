import { StateConcurrencyEnum, StateConsistencyEnum, type DaprClient } from '@dapr/dapr';
import { ConflictError } from '../errors/app-errors.ts';
import { sidecarFailure, sidecarStatusOf } from './sidecar.ts';

export interface StateEntry<T> {
  value: T;
  /** Pass it back to save or delete so they fail if someone changed the entry meanwhile. */
  etag: string;
}

export interface SaveOptions {
  etag?: string;
  ttlSeconds?: number;
  /** First write wins: the save fails if the key exists and no matching etag is given. */
  firstWrite?: boolean;
}

export interface StateStore<T> {
  get(key: string): Promise<StateEntry<T> | undefined>;
  save(key: string, value: T, options?: SaveOptions): Promise<void>;
  delete(key: string, options?: { etag?: string }): Promise<void>;
}

const firstWrite = {
  concurrency: StateConcurrencyEnum.CONCURRENCY_FIRST_WRITE,
  consistency: StateConsistencyEnum.CONSISTENCY_STRONG,
};

/** A first write of a key that exists is refused with a 500 whose message says so, not a 409. */
function isFirstWriteLoss(error: unknown): boolean {
  return error instanceof Error && error.message.includes('no item was updated');
}

/** Typed access to a Dapr state store with ETag concurrency and TTLs. An ETag mismatch is a
 * ConflictError (STATE.CONFLICT); failures the SDK returns instead of throwing are thrown. */
export function stateStore<T>(client: DaprClient, name = 'statestore'): StateStore<T> {
  const failure = (key: string, error: unknown, firstWrite = false): Error =>
    sidecarStatusOf(error) === 409 || (firstWrite && isFirstWriteLoss(error))
      ? new ConflictError('STATE.CONFLICT', `state ${key} was changed by someone else`)
      : sidecarFailure(`state store ${name}`, error);

  return {
    async get(key) {
      // getBulk is the SDK's only read that returns the ETag; over HTTP the value is in `data`.
      const items = await client.state.getBulk(name, [key]).catch((error: unknown) => {
        throw sidecarFailure(`state store ${name}`, error);
      });
      const item = items[0] as { data?: T; etag?: string } | undefined;
      if (item?.data === undefined || item.etag === undefined) return undefined;
      return { value: item.data, etag: item.etag };
    },

    async save(key, value, options = {}) {
      const result = await client.state.save(name, [{
        key,
        value,
        etag: options.etag,
        metadata: options.ttlSeconds === undefined ? undefined : { ttlInSeconds: String(options.ttlSeconds) },
        options: options.firstWrite ? firstWrite : undefined,
      }]);
      if (result.error) throw failure(key, result.error, options.firstWrite);
    },

    async delete(key, options = {}) {
      const result = await client.state.delete(name, key, options.etag ? { etag: options.etag } : undefined);
      if (result.error) throw failure(key, result.error);
    },
  };
}

// What a store's failure means to the caller, in one place for every edge (HTTP, gRPC):
// a store that cannot be reached is a "try again" (503, gRPC UNAVAILABLE), and a value that
// PostgreSQL refuses as data is the request's fault (400), not ours (500). Errors are told by
// their shape, so the platform needs none of the store drivers: pg's SQLSTATE codes, Node's
// socket errors, the MongoDB driver's and the Elasticsearch client's error names.
import { DependencyUnavailableError, ValidationError, type AppError } from './app-errors.ts';

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Socket-level failures: the server is stopped, restarting, or the connection was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a PostgreSQL that is going away or not taking connections (class 08: connection exceptions). */
const POSTGRES_AWAY = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg and pg-pool say when a connection dies or cannot be had in time (they set no code). */
const PG_AWAY_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /is not queryable/, /Client was closed/];
const MONGO_AWAY = new Set(['MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError', 'MongoTopologyClosedError', 'MongoPoolClearedError']);
const ELASTIC_AWAY = new Set(['ConnectionError', 'TimeoutError', 'NoLivingConnectionsError']);

/** The error and its causes (a driver may wrap a socket error; Node's connect to both ::1 and
 * 127.0.0.1 gives an AggregateError), a few levels deep. */
function chain(error: unknown): ErrorShape[] {
  const seen: ErrorShape[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 8) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.includes(next as ErrorShape)) continue;
    const shape = next as ErrorShape;
    seen.push(shape);
    queue.push(shape.cause, ...(Array.isArray(shape.errors) ? shape.errors : []));
  }
  return seen;
}

/** Which store did not answer, when that is what `error` says. */
export function unreachableStore(error: unknown): string | undefined {
  for (const shape of chain(error)) {
    const code = typeof shape.code === 'string' ? shape.code : '';
    const name = typeof shape.name === 'string' ? shape.name : '';
    const message = typeof shape.message === 'string' ? shape.message : '';
    if (MONGO_AWAY.has(name)) return 'MongoDB';
    if (ELASTIC_AWAY.has(name)) return 'Elasticsearch';
    // A 5xx of Elasticsearch (no shard answered, the cluster recovering) is its failure, not the request's.
    if (name === 'ResponseError' && typeof shape.statusCode === 'number' && shape.statusCode >= 500) return 'Elasticsearch';
    if (POSTGRES_AWAY.has(code) || code.startsWith('08') && code.length === 5) return 'PostgreSQL';
    if (PG_AWAY_MESSAGES.some((pattern) => pattern.test(message))) return 'PostgreSQL';
    if (SOCKET_CODES.has(code)) return 'a store';
  }
  return undefined;
}

/** PostgreSQL's data exceptions (SQLSTATE class 22: a value out of range, not valid for its
 * type, a date that does not exist, a NUL in text) say the request carried such a value. */
function refusedValue(error: unknown): string | undefined {
  const { code, message, severity } = error as ErrorShape & { severity?: unknown };
  const fromPostgres = typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) && typeof severity === 'string';
  return fromPostgres ? String(message) : undefined;
}

/** The AppError an edge should answer for a store's failure, or undefined when it is none. */
export function storeFailureAsAppError(error: unknown): AppError | undefined {
  const store = unreachableStore(error);
  if (store) return new DependencyUnavailableError(store, error);
  const refused = refusedValue(error);
  if (refused !== undefined) return new ValidationError(`a value of the request was refused: ${refused}`, { refusedBy: 'database' });
  return undefined;
}

// The few kinds of failure a use case may report. Each edge (HTTP, gRPC, events) maps a
// kind to its own status once; anything that is not an AppError is a bug and becomes a 500.

export type ErrorKind =
  | 'validation' | 'unprocessable' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_many_requests' | 'unavailable'
  | 'dependency_failed';

export class AppError extends Error {
  readonly kind: ErrorKind;
  /** Namespaced and stable, for clients to branch on: `ORDER.NOT_FOUND`. */
  readonly code: string;
  readonly details: unknown;

  constructor(kind: ErrorKind, code: string, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown, code = 'REQUEST.INVALID') {
    super('validation', code, message, details);
  }
}

/** A well-formed request that names things that do not exist or contradicts an earlier one
 * (an unknown product, an idempotency key reused with another body): HTTP 422. */
export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('unprocessable', code, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'authentication required', code = 'AUTH.UNAUTHORIZED') {
    super('unauthorized', code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'not allowed for your role', code = 'AUTH.FORBIDDEN') {
    super('forbidden', code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('not_found', code, message, details);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super('conflict', code, message, details);
  }
}

export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(code: string, message: string, retryAfterSeconds: number) {
    super('too_many_requests', code, message, { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class DependencyUnavailableError extends AppError {
  constructor(dependency: string, cause?: unknown) {
    super('unavailable', 'DEPENDENCY.UNAVAILABLE', `${dependency} is unavailable`, { dependency });
    if (cause !== undefined) this.cause = cause;
  }
}

/** Another app answered our call with an error of its own. Its kind is not ours (its
 * "unauthenticated" is not our caller's 401): a caller translates the codes that mean something
 * to it (`error.remoteCode === 'PRODUCT.NOT_FOUND'`); left untranslated it is a failed
 * dependency (HTTP 502). A callee that cannot be reached is a DependencyUnavailableError. */
export class RemoteCallError extends AppError {
  /** The app that failed, its own kind of error (from its status) and its namespaced code. */
  readonly app: string;
  readonly remoteKind: ErrorKind | undefined;
  readonly remoteCode: string;
  /** The callee's error details (its `details`, e.g. the short products of a shortage), for
   * the caller to translate; they are not passed on untranslated. */
  readonly remoteDetails: unknown;

  constructor(app: string, remoteKind: ErrorKind | undefined, remoteCode: string, message: string, remoteDetails?: unknown) {
    super('dependency_failed', 'DEPENDENCY.FAILED', `${app} failed: ${message}`, { dependency: app, code: remoteCode });
    this.app = app;
    this.remoteKind = remoteKind;
    this.remoteCode = remoteCode;
    this.remoteDetails = remoteDetails;
  }
}

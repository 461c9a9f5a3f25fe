import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ErrorKind } from './app-errors.ts';

export const httpStatusOf: Record<ErrorKind, number> = {
  validation: 400,
  unprocessable: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
  dependency_failed: 502,
};

export const grpcStatusOf: Record<ErrorKind, GrpcStatus> = {
  validation: GrpcStatus.INVALID_ARGUMENT,
  // Listed after validation, so a caller reads INVALID_ARGUMENT back as validation.
  unprocessable: GrpcStatus.INVALID_ARGUMENT,
  unauthorized: GrpcStatus.UNAUTHENTICATED,
  forbidden: GrpcStatus.PERMISSION_DENIED,
  not_found: GrpcStatus.NOT_FOUND,
  // The state changed under the caller (a version or a status it relied on): ABORTED says
  // "retry the whole read-modify-write"; FAILED_PRECONDITION would say "fix the system first".
  conflict: GrpcStatus.ABORTED,
  too_many_requests: GrpcStatus.RESOURCE_EXHAUSTED,
  unavailable: GrpcStatus.UNAVAILABLE,
  // gRPC has no "bad gateway"; UNKNOWN is its status for an error from another address space.
  dependency_failed: GrpcStatus.UNKNOWN,
};

/** The way back, for a gRPC client: which kind of error a status code reports. */
export function errorKindOfGrpc(code: GrpcStatus): ErrorKind | undefined {
  const entry = Object.entries(grpcStatusOf).find(([, status]) => status === code);
  return entry?.[0] as ErrorKind | undefined;
}

// Midtrans' failures in the service's own error kinds, so each edge maps them once:
// rejected or failed → 502 (a code the till can show), unreachable → 503.
import { AppError, DependencyUnavailableError } from '@pos/platform';
import { MidtransFailedError, MidtransRejectedError, MidtransUnreachableError } from './midtrans-gateway.ts';

export function asAppError(error: unknown): unknown {
  if (error instanceof MidtransRejectedError) {
    return new AppError('dependency_failed', 'PAYMENT.REJECTED', `Midtrans refused the request (${error.httpStatus})`, { httpStatus: error.httpStatus });
  }
  if (error instanceof MidtransFailedError) {
    return new AppError('dependency_failed', 'PAYMENT.GATEWAY_FAILED', `Midtrans failed (${error.httpStatus})`, { httpStatus: error.httpStatus });
  }
  if (error instanceof MidtransUnreachableError) return new DependencyUnavailableError('midtrans', error);
  return error;
}

/** Midtrans may have made the charge even though no answer came: only a 4xx says it did not. */
export const chargeMayExist = (error: unknown): boolean => !(error instanceof MidtransRejectedError);

import * as grpc from '@grpc/grpc-js';
import { AppError, DependencyUnavailableError } from '../errors/app-errors.ts';
import { errorKindOfGrpc } from '../errors/status-codes.ts';
import { API_TOKEN_KEY } from '../dapr/app-token.ts';
import { sidecar } from '../dapr/sidecar.ts';
import { ERROR_CODE_KEY } from './create-grpc-server.ts';

export interface SidecarCallOptions {
  deadlineMs?: number;
}

/** Calls another app's gRPC service through this app's own sidecar: the sidecar finds the
 * app by the `dapr-app-id` metadata and proxies the call (with mTLS, retries, tracing).
 * Errors come back as the AppError the other app raised, or DependencyUnavailableError. */
export function sidecarClient(
  service: grpc.ServiceClientConstructor, appId: string, options: { grpcPort?: number; deadlineMs?: number; apiToken?: string } = {},
) {
  const client = new service(`127.0.0.1:${options.grpcPort ?? sidecar.grpcPort}`, grpc.credentials.createInsecure());
  const defaultDeadlineMs = options.deadlineMs ?? 5000;
  const apiToken = options.apiToken ?? sidecar.apiToken;

  return {
    call<Reply>(method: string, request: unknown, callOptions: SidecarCallOptions = {}): Promise<Reply> {
      const metadata = new grpc.Metadata();
      metadata.set('dapr-app-id', appId);
      if (apiToken) metadata.set(API_TOKEN_KEY, apiToken);
      const deadline = new Date(Date.now() + (callOptions.deadlineMs ?? defaultDeadlineMs));
      const fn = (client as unknown as Record<string, grpc.requestCallback<Reply> & ((...args: unknown[]) => void)>)[method];
      if (typeof fn !== 'function') throw new Error(`${service.serviceName} has no method ${method}`);
      return new Promise((resolve, reject) => {
        fn.call(client, request, metadata, { deadline }, (error: grpc.ServiceError | null, reply?: Reply) => {
          if (error) reject(fromServiceError(error, appId));
          else resolve(reply as Reply);
        });
      });
    },
    close: () => client.close(),
  };
}

function fromServiceError(error: grpc.ServiceError, appId: string): Error {
  const kind = errorKindOfGrpc(error.code);
  const code = error.metadata?.get(ERROR_CODE_KEY)[0];
  if (kind && kind !== 'unavailable' && typeof code === 'string') return new AppError(kind, code, error.details, undefined);
  return new DependencyUnavailableError(`app ${appId}`, error);
}

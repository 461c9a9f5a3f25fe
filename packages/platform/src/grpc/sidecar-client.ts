import * as grpc from '@grpc/grpc-js';
import { DependencyUnavailableError, RemoteCallError } from '../errors/app-errors.ts';
import { errorKindOfGrpc } from '../errors/status-codes.ts';
import { API_TOKEN_KEY } from '../dapr/app-token.ts';
import { sidecar } from '../dapr/sidecar.ts';
import { currentRequestContext } from '../logging/request-context.ts';
import { ERROR_CODE_KEY, ERROR_DETAILS_KEY, REQUEST_ID_KEY } from './create-grpc-server.ts';
import type { GrpcService, MessagesOf, MethodName } from './proto.ts';

export interface SidecarCallOptions {
  deadlineMs?: number;
}

export interface SidecarClient<Definition> {
  /** Calls one method of the contract; the request and reply types are the generated ones. */
  call<Name extends MethodName<Definition>>(
    method: Name, request: MessagesOf<Definition[Name]>['request'], options?: SidecarCallOptions,
  ): Promise<MessagesOf<Definition[Name]>['replyOut']>;
  close(): void;
}

type UnaryFunction = (request: unknown, metadata: grpc.Metadata, options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, reply?: unknown) => void) => void;

/** Calls another app's gRPC service through this app's own sidecar: the sidecar finds the
 * app by the `dapr-app-id` metadata and proxies the call (with mTLS, retries, tracing).
 * The app's DAPR_API_TOKEN and the current request id go along, so both apps' log lines of one request share it.
 * A callee's error comes back as a RemoteCallError; a callee that cannot be reached (or does
 * not answer in time) as a DependencyUnavailableError. */
export function sidecarClient<Definition extends grpc.ServiceDefinition>(
  service: GrpcService<Definition>, appId: string, options: { grpcPort?: number; deadlineMs?: number; apiToken?: string } = {},
): SidecarClient<Definition> {
  const client = new service.Client(`127.0.0.1:${options.grpcPort ?? sidecar.grpcPort}`, grpc.credentials.createInsecure());
  const defaultDeadlineMs = options.deadlineMs ?? 5000;
  const apiToken = options.apiToken ?? sidecar.apiToken;

  return {
    call(method, request, callOptions = {}) {
      const metadata = new grpc.Metadata();
      metadata.set('dapr-app-id', appId);
      const requestId = currentRequestContext()?.requestId;
      if (requestId) metadata.set(REQUEST_ID_KEY, requestId);
      if (apiToken) metadata.set(API_TOKEN_KEY, apiToken);
      const deadline = new Date(Date.now() + (callOptions.deadlineMs ?? defaultDeadlineMs));
      // The generated client has a function per method; the contract's types are on `call`.
      const unary = (client as unknown as Record<string, UnaryFunction>)[method];
      if (typeof unary !== 'function') throw new Error(`${service.name} has no method ${method}`);
      return new Promise((resolve, reject) => {
        unary.call(client, request, metadata, { deadline }, (error, reply) => {
          if (error) reject(fromServiceError(error, appId));
          else resolve(reply as MessagesOf<Definition[typeof method]>['replyOut']);
        });
      });
    },
    close: () => client.close(),
  };
}

function fromServiceError(error: grpc.ServiceError, appId: string): Error {
  const code = error.metadata?.get(ERROR_CODE_KEY)[0];
  const unreachable = error.code === grpc.status.UNAVAILABLE || error.code === grpc.status.DEADLINE_EXCEEDED;
  // No code in the trailers: the app never answered (the sidecar could not route the call).
  if (unreachable || typeof code !== 'string') return new DependencyUnavailableError(`app ${appId}`, error);
  return new RemoteCallError(appId, errorKindOfGrpc(error.code), code, error.details, detailsOf(error.metadata.get(ERROR_DETAILS_KEY)[0]));
}

/** The callee's details trailer (JSON), or undefined when it sent none or something unreadable. */
function detailsOf(trailer: grpc.MetadataValue | undefined): unknown {
  if (!(trailer instanceof Buffer)) return undefined;
  try {
    return JSON.parse(trailer.toString()) as unknown;
  } catch {
    return undefined;
  }
}

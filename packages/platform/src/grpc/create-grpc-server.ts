import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { z } from 'zod';
import { API_TOKEN_KEY, fromOwnSidecar } from '../dapr/app-token.ts';
import { AppError, UnauthorizedError } from '../errors/app-errors.ts';
import { storeFailureAsAppError } from '../errors/store-errors.ts';
import { grpcStatusOf } from '../errors/status-codes.ts';
import { invalidRequest, parsePart } from '../http/validate.ts';
import type { Logger } from '../logging/logger.ts';
import { runInRequestContext } from '../logging/request-context.ts';
import { grpcCalls, grpcDuration } from '../metrics/metrics.ts';
import type { GrpcService, MessagesOf, MethodName } from './proto.ts';

/** The gRPC server of an app whose Dapr appProtocol is grpc; services are added by the app. */
export function createGrpcServer(): grpc.Server {
  return new grpc.Server();
}

/** Metadata keys that carry an AppError's namespaced code and details next to the gRPC status,
 * and the request id from caller to callee. */
export const ERROR_CODE_KEY = 'pos-error-code';
export const ERROR_DETAILS_KEY = 'pos-error-details-bin';
export const REQUEST_ID_KEY = 'x-request-id';

/** One unary method, like an HTTP route: the request message is validated by `request` before
 * `handle` runs (invalid → INVALID_ARGUMENT naming each field); `handle` returns the reply. */
export interface UnaryMethod<Request, Reply> {
  request: z.ZodType<Request>;
  handle(request: Request, call: grpc.ServerUnaryCall<Request, Reply>): Promise<Reply>;
}

/** Every method of a service, typed from its generated definition. */
export type UnaryMethods<Definition> = {
  [Name in MethodName<Definition>]: UnaryMethod<MessagesOf<Definition[Name]>['requestOut'], MessagesOf<Definition[Name]>['reply']>;
};

/** Serves a service's unary methods. Each call runs in a request context (the caller's
 * x-request-id or a new one; trace ids come from the span), writes one log line and the call
 * metrics; an AppError becomes its gRPC status with its code in metadata, anything else
 * INTERNAL (and is logged once). Only the app's own sidecar may call them (its APP_API_TOKEN):
 * anyone else gets UNAUTHENTICATED. */
export function addUnaryService<Definition extends grpc.ServiceDefinition>(
  server: grpc.Server,
  service: GrpcService<Definition>,
  methods: UnaryMethods<Definition>,
  log: Logger,
): void {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(methods) as [string, UnaryMethod<unknown, unknown>][]) {
    const definition = service.definition[name];
    if (!definition || definition.requestStream || definition.responseStream) throw new Error(`${service.name}/${name} is not a unary method`);
    implementation[name] = serveUnary(`${service.name}/${name}`, method, log);
  }
  server.addService(service.definition, implementation);
}

function serveUnary(method: string, unary: UnaryMethod<unknown, unknown>, log: Logger): grpc.handleUnaryCall<unknown, unknown> {
  return (call, callback) => {
    const requestId = call.metadata.get(REQUEST_ID_KEY)[0]?.toString() || randomUUID();
    void runInRequestContext({ requestId }, async () => {
      const started = performance.now();
      const outcome = await handleCall(unary, call).then(
        (reply) => ({ reply }),
        (error: unknown) => ({ failure: toServiceError(error, method, log) }),
      );
      const code = 'failure' in outcome ? outcome.failure.code : grpc.status.OK;
      const seconds = (performance.now() - started) / 1000;
      grpcCalls.inc({ method, code: grpc.status[code] });
      grpcDuration.observe({ method }, seconds);
      log.info({ method, code: grpc.status[code], durationMs: Math.round(seconds * 1000) }, 'grpc call');
      if ('failure' in outcome) callback(outcome.failure);
      else callback(null, outcome.reply);
    });
  };
}

async function handleCall(unary: UnaryMethod<unknown, unknown>, call: grpc.ServerUnaryCall<unknown, unknown>): Promise<unknown> {
  if (!fromOwnSidecar(call.metadata.get(API_TOKEN_KEY)[0])) {
    throw new UnauthorizedError('only the app\'s own Dapr sidecar may call it', 'AUTH.NOT_FROM_SIDECAR');
  }
  const parsed = parsePart(unary.request, call.request, 'request');
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  return unary.handle(parsed.value, call);
}

function toServiceError(thrown: unknown, method: string, log: Logger): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  const error = thrown instanceof AppError ? thrown : storeFailureAsAppError(thrown) ?? thrown;
  if (error instanceof AppError) {
    metadata.set(ERROR_CODE_KEY, error.code);
    if (error.details !== undefined) metadata.set(ERROR_DETAILS_KEY, Buffer.from(JSON.stringify(error.details)));
    return Object.assign(new Error(error.message), { code: grpcStatusOf[error.kind], details: error.message, metadata });
  }
  log.error({ err: error, method }, 'unhandled error in gRPC handler');
  return Object.assign(new Error('internal error'), { code: grpc.status.INTERNAL, details: 'internal error', metadata });
}

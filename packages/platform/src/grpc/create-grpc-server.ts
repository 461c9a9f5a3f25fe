import * as grpc from '@grpc/grpc-js';
import { API_TOKEN_KEY, fromOwnSidecar } from '../dapr/app-token.ts';
import { AppError, UnauthorizedError } from '../errors/app-errors.ts';
import { grpcStatusOf } from '../errors/status-codes.ts';
import type { Logger } from '../logging/logger.ts';
import { grpcCalls, grpcDuration } from '../metrics/metrics.ts';

/** The gRPC server of an app whose Dapr appProtocol is grpc; services are added by the app. */
export function createGrpcServer(): grpc.Server {
  return new grpc.Server();
}

/** Metadata key that carries an AppError's namespaced code next to the gRPC status. */
export const ERROR_CODE_KEY = 'pos-error-code';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- messages come from proto/ at run time
export type UnaryHandler = (request: any, call: grpc.ServerUnaryCall<any, any>) => Promise<unknown>;

/** Serves a service's unary methods from async functions; an AppError becomes its gRPC status
 * with the code in metadata, anything else INTERNAL (and is logged once). Only the app's own
 * sidecar may call them (its APP_API_TOKEN): anyone else gets UNAUTHENTICATED. */
export function addUnaryService(
  server: grpc.Server,
  service: grpc.ServiceClientConstructor,
  handlers: Record<string, UnaryHandler>,
  log: Logger,
): void {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const method = `${service.serviceName}/${name}`;
    implementation[name] = (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const started = performance.now();
      const finish = (code: grpc.status) => {
        grpcCalls.inc({ method, code: grpc.status[code] });
        grpcDuration.observe({ method }, (performance.now() - started) / 1000);
      };
      const reply = fromOwnSidecar(call.metadata.get(API_TOKEN_KEY)[0])
        ? handler(call.request, call)
        : Promise.reject(new UnauthorizedError('only the app\'s own Dapr sidecar may call it', 'AUTH.NOT_FROM_SIDECAR'));
      reply.then(
        (reply) => { finish(grpc.status.OK); callback(null, reply); },
        (error: unknown) => {
          const failure = toServiceError(error, method, log);
          finish(failure.code);
          callback(failure);
        },
      );
    };
  }
  server.addService(service.service, implementation);
}

function toServiceError(error: unknown, method: string, log: Logger): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  if (error instanceof AppError) {
    metadata.set(ERROR_CODE_KEY, error.code);
    return Object.assign(new Error(error.message), { code: grpcStatusOf[error.kind], details: error.message, metadata });
  }
  log.error({ err: error, method }, 'unhandled error in gRPC handler');
  return Object.assign(new Error('internal error'), { code: grpc.status.INTERNAL, details: 'internal error', metadata });
}

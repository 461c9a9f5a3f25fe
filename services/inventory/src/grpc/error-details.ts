// The platform's gRPC edge sends an AppError's code but not its details; a shortage must name
// each product short. This wraps addUnaryService so an AppError's details also travel, as JSON
// in a binary trailer. Generic: belongs in the platform's addUnaryService.
import type * as grpc from '@grpc/grpc-js';
import { addUnaryService, AppError, type Logger, type UnaryHandler } from '@pos/platform';
import { ERROR_DETAILS_KEY } from './contract.ts';

export function addUnaryServiceWithDetails(
  server: grpc.Server, service: grpc.ServiceClientConstructor, handlers: Record<string, UnaryHandler>, log: Logger,
): void {
  const detailsOf = new WeakMap<object, unknown>();
  const remembering = Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, async (request: unknown, call: grpc.ServerUnaryCall<unknown, unknown>) => {
    try {
      return await handler(request, call);
    } catch (error) {
      if (error instanceof AppError && error.details !== undefined) detailsOf.set(call, error.details);
      throw error;
    }
  }])) as Record<string, UnaryHandler>;
  const withTrailer = {
    addService(definition: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation) {
      const wrapped = Object.fromEntries(Object.entries(implementation).map(([name, method]) => [name,
        (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) =>
          (method as grpc.handleUnaryCall<unknown, unknown>)(call, (error, ...rest) => {
            const details = detailsOf.get(call);
            if (error?.metadata && details !== undefined) error.metadata.set(ERROR_DETAILS_KEY, Buffer.from(JSON.stringify(details)));
            callback(error, ...rest);
          })]));
      server.addService(definition, wrapped);
    },
  } as unknown as grpc.Server;
  addUnaryService(withTrailer, service, remembering, log);
}

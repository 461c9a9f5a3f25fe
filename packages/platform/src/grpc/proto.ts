import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The repository's proto/ folder: the only home of gRPC contracts. */
const protoRoot = new URL('../../../../proto/', import.meta.url).pathname;

/** Loads a contract from proto/ (e.g. `pos/probe/v1/probe.proto`) and returns the service
 * definition at the given dotted name (e.g. `pos.probe.v1.Probe`). */
export function loadService(file: string, serviceName: string, root = protoRoot): grpc.ServiceClientConstructor {
  const definition = protoLoader.loadSync(file, {
    includeDirs: [root], keepCase: false, longs: String, enums: String, defaults: true, oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition);
  const service = serviceName.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], loaded);
  if (typeof service !== 'function') throw new Error(`${serviceName} is not a service in ${file}`);
  return service as grpc.ServiceClientConstructor;
}

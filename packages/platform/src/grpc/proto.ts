import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The repository's proto/ folder: the only home of gRPC contracts. */
const protoRoot = new URL('../../../../proto/', import.meta.url).pathname;

/** A service loaded from its contract, typed by the definition that scripts/gen-proto.sh
 * generates from the same file (`@pos/platform/proto/pos/<x>/v1/<X>.ts`). */
export interface GrpcService<Definition extends grpc.ServiceDefinition> {
  /** The dotted name, e.g. `pos.probe.v1.Probe`. */
  name: string;
  definition: Definition;
  Client: grpc.ServiceClientConstructor;
}

/** The methods of a generated definition, without the index signature it inherits. */
export type MethodName<Definition> = keyof { [Name in keyof Definition as string extends Name ? never : Name]: unknown } & string;

/** What one method takes and gives: the permissive message a sender builds and the complete
 * one a receiver gets (every field present, defaults filled). */
export type MessagesOf<Method> = Method extends protoLoader.MethodDefinition<infer Request, infer Reply, infer RequestOut, infer ReplyOut>
  ? { request: Request; reply: Reply; requestOut: RequestOut; replyOut: ReplyOut }
  : never;

/** Loads a contract from proto/ (e.g. `pos/probe/v1/probe.proto`) and returns the service at
 * the given dotted name (e.g. `pos.probe.v1.Probe`). The options are the generator's too. */
export function loadService<Definition extends grpc.ServiceDefinition = grpc.ServiceDefinition>(
  file: string, serviceName: string, root = protoRoot,
): GrpcService<Definition> {
  const packageDefinition = protoLoader.loadSync(file, {
    includeDirs: [root], keepCase: false, longs: String, enums: String, defaults: true, oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(packageDefinition);
  const service = serviceName.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], loaded);
  if (typeof service !== 'function') throw new Error(`${serviceName} is not a service in ${file}`);
  const Client = service as grpc.ServiceClientConstructor;
  return { name: serviceName, definition: Client.service as Definition, Client };
}

import * as grpc from '@grpc/grpc-js';

/** The gRPC server of an app whose Dapr appProtocol is grpc; services are added by the app. */
export function createGrpcServer(): grpc.Server {
  return new grpc.Server();
}

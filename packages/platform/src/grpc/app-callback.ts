// An app whose Dapr appProtocol is grpc receives its events through Dapr's AppCallback gRPC
// service, not over HTTP. This serves that service from the same subscription definitions
// (and the same delivery rules) as the koa helper.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { status as grpcStatus } from '@grpc/grpc-js';
import { API_TOKEN_KEY, fromOwnSidecar } from '../dapr/app-token.ts';
import { deliverEvent, type EventSubscription } from '../events/subscription.ts';
import type { Logger } from '../logging/logger.ts';
import { loadService } from './proto.ts';
import { isDraining } from '../service/draining.ts';

// Dapr's own contract, as the Dapr SDK package ships it.
const daprProtoRoot = join(dirname(createRequire(import.meta.url).resolve('@dapr/dapr/package.json')), 'proto');

interface TopicEventRequest {
  id: string;
  source: string;
  type: string;
  dataContentType: string;
  data: Buffer;
  topic: string;
  path: string;
}

function cloudEventOf(request: TopicEventRequest): Record<string, unknown> {
  const text = request.data.toString('utf8');
  const json = /json/.test(request.dataContentType) || request.dataContentType === '';
  let data: unknown = text;
  if (json) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  return { id: request.id, source: request.source, type: request.type, topic: request.topic, data };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of subscriptions has many data types
export function addSubscriptionsOverGrpc(server: grpc.Server, subscriptions: readonly EventSubscription<any, any>[], log: Logger): void {
  const AppCallback = loadService('dapr/proto/runtime/v1/appcallback.proto', 'dapr.proto.runtime.v1.AppCallback', daprProtoRoot);
  server.addService(AppCallback.definition, {
    // Subscriptions are declared as resources in components/, so none are listed here.
    // Open to anyone: daprd 1.16.5 asks without its app token, and the answer tells nothing.
    listTopicSubscriptions: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, { subscriptions: [] }),
    onTopicEvent: (call: grpc.ServerUnaryCall<TopicEventRequest, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      if (refusedUnlessOwnSidecar(call, callback)) return;
      const request = call.request;
      const sub = subscriptions.find((s) => s.path === request.path) ?? subscriptions.find((s) => s.topic === request.topic);
      if (!sub) {
        log.warn({ topic: request.topic, path: request.path }, 'no subscription for this delivery; dropped');
        callback(null, { status: 'DROP' });
        return;
      }
      void deliverEvent(sub, cloudEventOf(request), log).then((status) => callback(null, { status }));
    },
  });
  // Dapr's app health check for gRPC apps (enableAppHealthCheck in dapr.yaml): a stopping app
  // says so, and its sidecar holds deliveries back.
  const HealthCheck = loadService('dapr/proto/runtime/v1/appcallback.proto', 'dapr.proto.runtime.v1.AppCallbackHealthCheck', daprProtoRoot);
  server.addService(HealthCheck.definition, {
    healthCheck: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
      (isDraining() ? callback({ code: grpcStatus.UNAVAILABLE, details: 'the app is stopping' }) : callback(null, {})),
  });
}

/** Events come from the app's own sidecar only (its APP_API_TOKEN); anyone else is refused. */
function refusedUnlessOwnSidecar(call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>): boolean {
  if (fromOwnSidecar(call.metadata.get(API_TOKEN_KEY)[0])) return false;
  callback({ code: grpcStatus.UNAUTHENTICATED, details: 'only the app\'s own Dapr sidecar may deliver events' });
  return true;
}

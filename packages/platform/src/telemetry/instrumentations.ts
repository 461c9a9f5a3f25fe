import type { Instrumentation } from '@opentelemetry/instrumentation';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { KoaInstrumentation } from '@opentelemetry/instrumentation-koa';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** HTTP in and out (node:http and fetch), koa routes, gRPC, PostgreSQL, MongoDB, Kafka.
 * The Elasticsearch client makes its own spans through @opentelemetry/api. */
export function instrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === '/metrics' }),
    new UndiciInstrumentation(),
    new KoaInstrumentation(),
    new GrpcInstrumentation(),
    new PgInstrumentation(),
    new MongoDBInstrumentation(),
    new KafkaJsInstrumentation(),
  ];
}

// RED metrics (rate, errors, duration) for requests and events, and the outbox backlog,
// served by every app on GET /metrics in the Prometheus text format.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests served, by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpErrors = new Counter({
  name: 'http_request_errors_total',
  help: 'HTTP requests that ended with a 5xx status',
  labelNames: ['method', 'route'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route'] as const,
  buckets: seconds,
  registers: [registry],
});

export const grpcCalls = new Counter({
  name: 'grpc_server_calls_total',
  help: 'gRPC calls served, by method and status code',
  labelNames: ['method', 'code'] as const,
  registers: [registry],
});

export const grpcDuration = new Histogram({
  name: 'grpc_server_call_duration_seconds',
  help: 'gRPC call duration',
  labelNames: ['method'] as const,
  buckets: seconds,
  registers: [registry],
});

export const eventsHandled = new Counter({
  name: 'events_handled_total',
  help: 'Events delivered by Dapr, by topic and the answer given (SUCCESS, RETRY, DROP, DUPLICATE, FOREIGN: not from the topic\'s owner)',
  labelNames: ['topic', 'outcome'] as const,
  registers: [registry],
});

export const eventDuration = new Histogram({
  name: 'event_handling_duration_seconds',
  help: 'Time to handle one event',
  labelNames: ['topic'] as const,
  buckets: seconds,
  registers: [registry],
});

export const outboxBacklog = new Gauge({
  name: 'outbox_backlog',
  help: 'Outbox events committed but not yet published',
  registers: [registry],
});

export const outboxParked = new Counter({
  name: 'outbox_parked_total',
  help: 'Outbox events parked after their last failed publish (see outbox.parked_at, last_error)',
  labelNames: ['topic'] as const,
  registers: [registry],
});

/** A service's own counter, served on its /metrics beside the platform's. */
export function createCounter<Label extends string = never>(
  options: { name: string; help: string; labelNames?: readonly Label[] },
): Counter<Label> {
  return new Counter({ ...options, registers: [registry] });
}

/** A service's own histogram (seconds), served on its /metrics beside the platform's. */
export function createHistogram<Label extends string = never>(
  options: { name: string; help: string; labelNames?: readonly Label[]; buckets?: number[] },
): Histogram<Label> {
  return new Histogram({ ...options, registers: [registry] });
}

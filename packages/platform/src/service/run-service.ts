import { once } from 'node:events';
import { STATUS_CODES, type Server as HttpServer } from 'node:http';
import * as grpc from '@grpc/grpc-js';
import type Koa from 'koa';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.ts';
import { createLogger } from '../logging/logger.ts';
import { shutdownTelemetry } from '../telemetry/shutdown.ts';
import { startDraining } from './draining.ts';

export interface ServiceDefinition {
  name: string;
  http: { app: Koa; port: number };
  /** Apps whose Dapr appProtocol is grpc serve their gRPC services on the app port. */
  grpc?: { server: grpc.Server; port: number };
  /** Runs after the servers have closed: stop relays, close pools. */
  onStop?: () => Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;
/** How long /readyz answers 503 before the servers stop accepting: one of Dapr's app health
 * probes (every 3 s, dapr.yaml) sees it and stops deliveries. */
const READINESS_FLIP_MS = 3_000;

/** Loopback unless told otherwise: locally only the app's own sidecar and the tests call it; in a
 * pod the kubelet's probes, Prometheus and the gateway come in on the pod IP (BIND_HOST=0.0.0.0). */
const bindConfig = { BIND_HOST: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1') };

/** Listens on BIND_HOST (default 127.0.0.1) and stops cleanly on SIGTERM or SIGINT. */
export async function runService(service: ServiceDefinition): Promise<void> {
  const log = createLogger(service.name);
  const { BIND_HOST: host } = loadConfig(bindConfig);
  const http = service.http.app.listen(service.http.port, host);
  answerParserErrors(http);
  await once(http, 'listening');
  if (service.grpc) await bindGrpc(service.grpc.server, host, service.grpc.port);
  log.info({ host, httpPort: service.http.port, grpcPort: service.grpc?.port }, 'service started');

  const stop = async (signal: string) => {
    startDraining();
    log.info({ signal }, 'service stopping: not ready any more, draining');
    let phase = 'readiness flip';
    setTimeout(() => {
      // Says what the stop was waiting for, so a stop that never finishes can be mended.
      log.error({ phase, open: process.getActiveResourcesInfo() }, 'service did not stop in time: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await new Promise((resolve) => setTimeout(resolve, READINESS_FLIP_MS));
    phase = 'closing servers';
    await Promise.all([closeHttp(http), service.grpc && closeGrpc(service.grpc.server)]);
    phase = 'onStop';
    await service.onStop?.();
    phase = 'telemetry flush';
    await shutdownTelemetry().catch((error: unknown) => log.warn({ err: error }, 'telemetry did not flush'));
    log.info('service stopped');
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** A request Node's HTTP parser refuses before the app sees it (a head over its 16 KB limit,
 * malformed HTTP) gets the JSON error shape too, not an empty reply. */
function answerParserErrors(server: HttpServer): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return; }
    const [status, code, message] = error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'REQUEST.HEAD_TOO_LARGE', 'the request line and headers are over 16 KB']
      : [400, 'REQUEST.MALFORMED', 'not a well-formed HTTP request'];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
}

function bindGrpc(server: grpc.Server, host: string, port: number): Promise<number> {
  const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return new Promise((resolve, reject) => {
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound));
  });
}

function closeHttp(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // A keep-alive connection would stay open after its last answer: close each once idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 200);
    server.once('close', () => clearInterval(sweep));
  });
}

function closeGrpc(server: grpc.Server): Promise<void> {
  return new Promise((resolve) => server.tryShutdown(() => resolve()));
}

// The apps of a dapr run file (dapr.yaml), read with a YAML parser: the one place that the
// shell scripts and the tests learn each app's ports from, so each port is written down once.
//   node scripts/lib/run-file.ts RUN_FILE   prints "appID daprHTTPPort HTTP_PORT appDir daprInternalGRPCPort" per app
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export interface RunFileApp {
  app: string;
  protocol: 'http' | 'grpc';
  /** The app's own HTTP API (its HTTP_PORT). */
  http: number;
  sidecarHttp: number;
  sidecarGrpc: number;
  /** Where Dapr reaches the app: its gRPC server for a grpc app, else its HTTP API. */
  appPort: number;
  /** Every port the app and its sidecar listen on. */
  ports: number[];
  /** The sidecar's port for other sidecars (mTLS). */
  sidecarInternalGrpc: number;
  /** The sidecar's Prometheus metrics. */
  sidecarMetrics: number;
  /** appDirPath, resolved against the run file's folder. */
  dir: string;
  /** The app's entry script, relative to dir: the last word of its command (src/main.ts). */
  main: string;
}

const portKeys = ['appPort', 'daprHTTPPort', 'daprGRPCPort', 'daprInternalGRPCPort', 'metricsPort'] as const;

export function runFileApps(runFile: string): RunFileApp[] {
  const parsed = parse(readFileSync(runFile, 'utf8')) as { apps?: Record<string, unknown>[] };
  return (parsed.apps ?? []).map((entry) => {
    const env = (entry.env ?? {}) as Record<string, unknown>;
    const number = (value: unknown, key: string) => {
      const port = Number(value);
      if (value === undefined || !Number.isInteger(port)) throw new Error(`${runFile}: app ${String(entry.appID)} has no ${key}`);
      return port;
    };
    const ports = Object.fromEntries(portKeys.map((key) => [key, number(entry[key], key)])) as Record<(typeof portKeys)[number], number>;
    const main = Array.isArray(entry.command) ? String(entry.command.at(-1)) : '';
    if (!main.endsWith('.ts')) throw new Error(`${runFile}: app ${String(entry.appID)} has no command ending in its entry script`);
    const envPorts = Object.entries(env).filter(([key]) => key.endsWith('_PORT')).map(([key, value]) => number(value, key));
    return {
      app: String(entry.appID),
      protocol: entry.appProtocol === 'grpc' ? 'grpc' : 'http',
      http: number(env.HTTP_PORT, 'HTTP_PORT'),
      sidecarHttp: ports.daprHTTPPort,
      sidecarGrpc: ports.daprGRPCPort,
      appPort: ports.appPort,
      sidecarInternalGrpc: ports.daprInternalGRPCPort,
      sidecarMetrics: ports.metricsPort,
      ports: [...new Set([...Object.values(ports), ...envPorts])],
      dir: resolve(dirname(runFile), String(entry.appDirPath ?? '.')),
      main,
    };
  });
}

if (import.meta.main) {
  const runFile = process.argv[2];
  if (!runFile) throw new Error('usage: node scripts/lib/run-file.ts RUN_FILE');
  for (const app of runFileApps(runFile)) console.log(app.app, app.sidecarHttp, app.http, app.dir, app.sidecarInternalGrpc);
}

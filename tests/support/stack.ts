// What the tests need to know about the running apps, read from the dapr run files
// themselves so each port is written down once.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

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
}

const portLine = /^\s*(\w+Port|\w+_PORT): "?(\d+)"?/;

/** Each app block of a run file starts at its `- appID:` line. */
export function runFileApps(runFile: string): RunFileApp[] {
  const text = readFileSync(new URL(`../../${runFile}`, import.meta.url), 'utf8');
  return text.split(/\n\s*- appID: /).slice(1).map((block) => {
    const fields = new Map<string, number>();
    // env is one line, `env: { HTTP_PORT: "3001", ... }`: give each pair a line of its own.
    for (const line of block.replace(/[{,]\s*/g, '\n').split('\n')) {
      const match = portLine.exec(line);
      if (match) fields.set(match[1] as string, Number(match[2]));
    }
    const number = (key: string) => {
      const value = fields.get(key);
      if (value === undefined) throw new Error(`${runFile}: an app has no ${key}`);
      return value;
    };
    return {
      app: block.split('\n')[0]?.trim() ?? '',
      protocol: /appProtocol: grpc/.test(block) ? 'grpc' : 'http',
      http: number('HTTP_PORT'),
      sidecarHttp: number('daprHTTPPort'),
      sidecarGrpc: number('daprGRPCPort'),
      appPort: number('appPort'),
      ports: [...new Set(fields.values())],
    };
  });
}

/** The five apps as dapr.yaml runs them. */
export const apps = runFileApps('dapr.yaml');
/** The test-only probe apps (tests/probe/dapr.yaml). */
export const probeApps = runFileApps('tests/probe/dapr.yaml');

/** A test-only probe app by id, with its HTTP API's base URL. */
export function probe(id: 'probe-a' | 'probe-b'): RunFileApp & { url: string } {
  const found = probeApps.find((candidate) => candidate.app === id);
  if (!found) throw new Error(`tests/probe/dapr.yaml has no ${id}`);
  return { ...found, url: `http://127.0.0.1:${found.http}` };
}

/** One of the five apps of dapr.yaml by id, with its HTTP API's base URL. */
export function service(id: string): RunFileApp & { url: string } {
  const found = apps.find((candidate) => candidate.app === id);
  if (!found) throw new Error(`dapr.yaml has no ${id}`);
  return { ...found, url: `http://127.0.0.1:${found.http}` };
}

/** The process listening on a local TCP port, as `ss` shows it, or undefined when none is. */
export function listenerPid(port: number): number | undefined {
  const line = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(line);
  return match ? Number(match[1]) : undefined;
}

/** The newest log file `dapr run` wrote for an app's own output. */
export function appLogFile(app: string): string {
  const root = process.env.POS_LOG_DIR;
  if (!root) throw new Error('POS_LOG_DIR is not set: run the tests with npm test');
  const files = readdirSync(join(root, 'apps'), { recursive: true, encoding: 'utf8' })
    .filter((file) => basename(file).startsWith(`${app}_app_`))
    .map((file) => join(root, 'apps', file));
  const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error(`no log file of ${app} under ${root}/apps`);
  return newest;
}

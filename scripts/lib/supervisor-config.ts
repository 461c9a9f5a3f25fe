// The apps of a dapr run file as supervisord programs: each app and each sidecar a program
// of its own, restarted when it exits, so one crash stops nothing else (`dapr run -f` stops
// every app when one sidecar dies, and never restarts an app). The sidecar gets the flags
// `dapr run -f` gives it, from the same run file, so `dapr run -f .` and npm start run the
// same thing.
//   node scripts/lib/supervisor-config.ts RUN_FILE STATE_DIR LOG_DIR DAPRD   prints the config
import { basename, dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface RunFileEntry {
  appID: string;
  appDirPath?: string;
  configFilePath?: string;
  appProtocol?: string;
  appPort: number;
  daprHTTPPort: number;
  daprGRPCPort: number;
  daprInternalGRPCPort: number;
  metricsPort: number;
  env?: Record<string, string | number>;
  enableAppHealthCheck?: boolean;
  appHealthCheckPath?: string;
  appHealthProbeInterval?: number;
  appHealthProbeTimeout?: number;
  appHealthThreshold?: number;
  command: string[];
}

interface RunFile {
  common?: { resourcesPaths?: string[]; apiListenAddresses?: string; schedulerHostAddress?: string; placementHostAddress?: string; logLevel?: string };
  apps: RunFileEntry[];
}

/** A process that lives this long counts as started; one that dies sooner is a failed start,
 * retried after 1, 2, 3 … s, and after RETRIES of them it is left FATAL (a crash loop) for
 * `npm run status` to show. */
const STARTED_AFTER_S = 5;
const RETRIES = 8;

/** supervisord expands %(name)s in values: a literal % is written twice. */
const literal = (value: string) => value.replaceAll('%', '%%');
/** One word of a command line as supervisord splits it (shlex). */
const word = (value: string) => (/^[\w@/.:=,+-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`);
const line = (words: (string | number)[]) => literal(words.map((w) => word(String(w))).join(' '));

/** The daprd flags `dapr run -f` gives this app's sidecar (Dapr CLI 1.16). */
function sidecarFlags(app: RunFileEntry, common: NonNullable<RunFile['common']>, runDir: string, appDir: string): (string | number)[] {
  return [
    ...(app.configFilePath ? ['--config', resolve(appDir, app.configFilePath)] : []),
    '--app-protocol', app.appProtocol ?? 'http',
    ...(common.apiListenAddresses ? ['--dapr-listen-addresses', common.apiListenAddresses] : []),
    '--log-level', common.logLevel ?? 'info',
    '--app-max-concurrency', -1,
    ...(common.resourcesPaths ?? []).flatMap((path) => ['--resources-path', resolve(runDir, path)]),
    '--max-body-size', '4Mi', '--read-buffer-size', '4Ki',
    ...(app.enableAppHealthCheck ? ['--enable-app-health-check'] : []),
    ...(app.appHealthCheckPath ? ['--app-health-check-path', app.appHealthCheckPath] : []),
    ...(app.appHealthProbeInterval ? ['--app-health-probe-interval', app.appHealthProbeInterval] : []),
    ...(app.appHealthProbeTimeout ? ['--app-health-probe-timeout', app.appHealthProbeTimeout] : []),
    ...(app.appHealthThreshold ? ['--app-health-threshold', app.appHealthThreshold] : []),
    ...(common.placementHostAddress ? ['--placement-host-address', common.placementHostAddress] : []),
    ...(common.schedulerHostAddress ? ['--scheduler-host-address', common.schedulerHostAddress] : []),
    '--app-id', app.appID, '--app-port', app.appPort,
    '--dapr-http-port', app.daprHTTPPort, '--dapr-grpc-port', app.daprGRPCPort,
    '--profile-port', -1, '--metrics-port', app.metricsPort, '--dapr-internal-grpc-port', app.daprInternalGRPCPort,
  ];
}

/** What `dapr run` puts in an app's environment, and the run file's env. */
function appEnvironment(app: RunFileEntry): string {
  const env: Record<string, string> = {
    APP_ID: app.appID, APP_PORT: String(app.appPort), APP_PROTOCOL: app.appProtocol ?? 'http',
    DAPR_HTTP_PORT: String(app.daprHTTPPort), DAPR_GRPC_PORT: String(app.daprGRPCPort), DAPR_METRICS_PORT: String(app.metricsPort),
    ...Object.fromEntries(Object.entries(app.env ?? {}).map(([key, value]) => [key, String(value)])),
  };
  return Object.entries(env).map(([key, value]) => `${key}="${literal(value).replaceAll('"', '\\"')}"`).join(',');
}

function program(name: string, command: string, directory: string, logFile: string, extra: string[] = []): string {
  return [
    `[program:${name}]`, `command=${command}`, `directory=${directory}`, ...extra,
    'autostart=true', 'autorestart=true', `startsecs=${STARTED_AFTER_S}`, `startretries=${RETRIES}`,
    'stopsignal=TERM', 'stopwaitsecs=15', 'stopasgroup=true', 'killasgroup=true',
    'redirect_stderr=true', `stdout_logfile=${logFile}`, 'stdout_logfile_maxbytes=50MB', 'stdout_logfile_backups=2', '',
  ].join('\n');
}

export function supervisorConfig(runFile: string, stateDir: string, logDir: string, daprd: string): string {
  const parsed = parse(readFileSync(runFile, 'utf8')) as RunFile;
  const runDir = dirname(runFile);
  const common = parsed.common ?? {};
  const socket = `${stateDir}/supervisor.sock`;
  const sections = [
    '[supervisord]', 'nodaemon=true', `logfile=${logDir}/supervisord.log`, 'logfile_maxbytes=20MB', `pidfile=${stateDir}/supervisord.pid`,
    `childlogdir=${logDir}`, '',
    '[unix_http_server]', `file=${socket}`, 'chmod=0700', '',
    '[supervisorctl]', `serverurl=unix://${socket}`, '',
    '[rpcinterface:supervisor]', 'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface', '',
  ];
  // Two groups, so a stop (npm stop, a restart) signals every app at once, then every sidecar:
  // supervisord stops one group after another, the programs of a group together.
  sections.push('[group:apps]', `programs=${parsed.apps.map((app) => app.appID).join(',')}`, 'priority=20', '');
  sections.push('[group:sidecars]', `programs=${parsed.apps.map((app) => `${app.appID}-sidecar`).join(',')}`, 'priority=10', '');
  for (const app of parsed.apps) {
    const appDir = resolve(runDir, app.appDirPath ?? '.');
    // Where `dapr run -f` writes its logs (apps.sh links <appDir>/.dapr to $POS_LOG_DIR/apps/<dir>).
    const logs = `${logDir}/apps/${basename(appDir)}/logs`;
    sections.push(program(`${app.appID}-sidecar`, line([daprd, ...sidecarFlags(app, common, runDir, appDir)]), appDir,
      `${logs}/${app.appID}_daprd_supervised.log`));
    sections.push(program(app.appID, line(app.command), appDir, `${logs}/${app.appID}_app_supervised.log`,
      [`environment=${appEnvironment(app)}`]));
  }
  return sections.join('\n');
}

if (import.meta.main) {
  const [runFile, stateDir, logDir, daprd] = process.argv.slice(2);
  if (!runFile || !stateDir || !logDir || !daprd) throw new Error('usage: node scripts/lib/supervisor-config.ts RUN_FILE STATE_DIR LOG_DIR DAPRD');
  process.stdout.write(supervisorConfig(resolve(runFile), stateDir, logDir, daprd));
}

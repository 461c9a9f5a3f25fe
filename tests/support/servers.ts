// Stopping and starting one server or daemon of the running stack, the way the scripts do
// (the supervisors of scripts/lib/server-supervisor.sh and scripts/apps.sh, the pid files of
// scripts/lib/daemon.sh), for tests of what an operator's stop does.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const root = new URL('../../', import.meta.url).pathname;
const run = (script: string) => execFileSync('bash', ['-c', script], { cwd: root, stdio: 'ignore' });

/** Stops a daemon of scripts/apps.sh by name (midtrans-simulator), as `apps.sh down` does:
 * SIGTERM to its process group, then waits until it has exited. */
export function stopDaemon(name: string): void {
  if (!/^[a-z-]+$/.test(name)) throw new Error(`not a daemon name: ${name}`);
  run(`. scripts/lib/env.sh && . scripts/lib/daemon.sh && stop_daemon ${name}`);
}

/** Stops one server of scripts/infra.sh (postgres, kafka, elasticsearch, ferretdb, …) as an
 * operator would (`infra.sh stop <name>`): its supervisor stops it and leaves it stopped until
 * startInfra. */
export function stopServer(name: string): void {
  if (!/^[a-z-]+$/.test(name)) throw new Error(`not a server name: ${name}`);
  run(`bash scripts/infra.sh stop ${name}`);
}

/** Starts whatever server of scripts/infra.sh is not running, and waits until all answer. */
export const startInfra = () => run('bash scripts/infra.sh up');

/** Starts whatever of scripts/apps.sh is not running (the Midtrans simulator, the apps), and
 * waits until it is healthy. */
export const startApps = () => run('bash scripts/apps.sh up');

/** supervisorctl on the supervisor that runs the apps of dapr.yaml (scripts/apps.sh), or the
 * servers' one (scripts/lib/server-supervisor.sh). Async, so the test's event loop goes on
 * meanwhile: a stop takes seconds, and a keep-alive connection the server closed during a
 * blocked loop would be taken for open by the next request. */
async function supervisorctl(...args: string[]): Promise<string> {
  return supervisorctlOf('services', ...args);
}
async function supervisorctlOf(supervisor: 'services' | 'servers', ...args: string[]): Promise<string> {
  const config = `${process.env.POS_STATE_DIR}/supervisor/${supervisor}.conf`;
  try {
    return (await execFileAsync('supervisorctl', ['-c', config, ...args], { encoding: 'utf8' })).stdout;
  } catch (error) {
    // It exits non-zero when a program is not running; what it printed is still the answer.
    return String((error as { stdout?: unknown }).stdout ?? '');
  }
}

/** supervisord's name of a program: apps and sidecars are its two groups (scripts/lib/supervisor-config.ts). */
const named = (program: string) => (program.endsWith('-sidecar') ? `sidecars:${program}` : `apps:${program}`);

const pidIn = (said: string) => {
  const pid = Number(said.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/** The pid of a supervised program (`order`, `order-sidecar`, …), or undefined when it does not run. */
export const supervisedPid = async (program: string) => pidIn(await supervisorctl('pid', named(program)));

/** The pid of a supervised server (`postgres`: the postmaster, `kafka`, …), or undefined when it does not run. */
export const serverPid = async (server: string) => pidIn(await supervisorctlOf('servers', 'pid', server));

/** Stops a supervised program as an operator would (it stays stopped), or starts it again. */
export const stopApp = async (program: string) => { await supervisorctl('stop', named(program)); };
export const startApp = async (program: string) => { await supervisorctl('start', named(program)); };

// Stopping and starting one server or daemon of the running stack, the way the scripts do
// (their pid files, scripts/lib/daemon.sh), for tests of what an operator's stop does.
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;
const run = (script: string) => execFileSync('bash', ['-c', script], { cwd: root, stdio: 'ignore' });

/** Stops a daemon of scripts/infra.sh or apps.sh by name (kafka, midtrans-simulator, ...),
 * as `infra.sh down` does: SIGTERM to its process group, then waits until it has exited. */
export function stopDaemon(name: string): void {
  if (!/^[a-z-]+$/.test(name)) throw new Error(`not a daemon name: ${name}`);
  run(`. scripts/lib/env.sh && . scripts/lib/daemon.sh && stop_daemon ${name}`);
}

/** Stops one server of scripts/infra.sh as an operator would (`infra.sh stop <name>`):
 * PostgreSQL by pg_ctl, the others as stopDaemon does. */
export function stopServer(name: string): void {
  if (!/^[a-z-]+$/.test(name)) throw new Error(`not a server name: ${name}`);
  run(`bash scripts/infra.sh stop ${name}`);
}

/** Starts whatever server of scripts/infra.sh is not running, and waits until all answer. */
export const startInfra = () => run('bash scripts/infra.sh up');

/** Starts whatever of scripts/apps.sh is not running (the Midtrans simulator, the apps), and
 * waits until it is healthy. */
export const startApps = () => run('bash scripts/apps.sh up');

/** supervisorctl on the supervisor that runs the apps of dapr.yaml (scripts/apps.sh). */
function supervisorctl(...args: string[]): string {
  const config = `${process.env.POS_STATE_DIR}/supervisor/services.conf`;
  try {
    return execFileSync('supervisorctl', ['-c', config, ...args], { encoding: 'utf8' });
  } catch (error) {
    // It exits non-zero when a program is not running; what it printed is still the answer.
    return String((error as { stdout?: unknown }).stdout ?? '');
  }
}

/** supervisord's name of a program: apps and sidecars are its two groups (scripts/lib/supervisor-config.ts). */
const named = (program: string) => (program.endsWith('-sidecar') ? `sidecars:${program}` : `apps:${program}`);

/** The pid of a supervised program (`order`, `order-sidecar`, …), or undefined when it does not run. */
export function supervisedPid(program: string): number | undefined {
  const pid = Number(supervisorctl('pid', named(program)).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Stops a supervised program as an operator would (it stays stopped), or starts it again. */
export const stopApp = (program: string) => { supervisorctl('stop', named(program)); };
export const startApp = (program: string) => { supervisorctl('start', named(program)); };

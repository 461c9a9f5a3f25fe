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

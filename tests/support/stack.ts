// What the tests need to know about the running apps, read from the dapr run files
// themselves (by the same reader as the shell scripts) so each port is written down once.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFileApps as readRunFile, type RunFileApp } from '../../scripts/lib/run-file.ts';

export type { RunFileApp };

/** The apps of a run file, by its path from the repository root. */
export const runFileApps = (runFile: string): RunFileApp[] => readRunFile(fileURLToPath(new URL(`../../${runFile}`, import.meta.url)));

/** The six apps as dapr.yaml runs them. */
export const apps = runFileApps('dapr.yaml');
/** The test-only probe apps (tests/probe/dapr.yaml). */
export const probeApps = runFileApps('tests/probe/dapr.yaml');

function appOf(list: RunFileApp[], runFile: string, id: string): RunFileApp & { url: string } {
  const found = list.find((candidate) => candidate.app === id);
  if (!found) throw new Error(`${runFile} has no ${id}`);
  return { ...found, url: `http://127.0.0.1:${found.http}` };
}

/** A test-only probe app by id, with its HTTP API's base URL. */
export const probe = (id: 'probe-a' | 'probe-b') => appOf(probeApps, 'tests/probe/dapr.yaml', id);

/** One of the six apps of dapr.yaml by id, with its HTTP API's base URL. */
export const service = (id: string) => appOf(apps, 'dapr.yaml', id);

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

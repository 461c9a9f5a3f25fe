// What the tests need to know about the running apps, read from the dapr run files
// themselves (by the same reader as the shell scripts) so each port is written down once.
import { fileURLToPath } from 'node:url';
import { runFileApps as readRunFile, type RunFileApp } from '../../scripts/lib/run-file.ts';

export type { RunFileApp };

/** The apps of a run file, by its path from the repository root. */
export const runFileApps = (runFile: string): RunFileApp[] => readRunFile(fileURLToPath(new URL(`../../${runFile}`, import.meta.url)));

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

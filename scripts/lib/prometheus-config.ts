// Prometheus's configuration, generated from the dapr run file so the ports stay written down
// once: every app's /metrics (its HTTP API) and every sidecar's metrics port, labelled by app.
//   node scripts/lib/prometheus-config.ts RUN_FILE RULES_GLOB   prints prometheus.yml
import { stringify } from 'yaml';
import { runFileApps, type RunFileApp } from './run-file.ts';

const target = (port: number, app: string) => ({ targets: [`127.0.0.1:${port}`], labels: { app } });

export function prometheusConfig(apps: RunFileApp[], rulesGlob: string): object {
  return {
    // Short intervals: a person running the stack sees a request on a graph within seconds.
    global: { scrape_interval: '5s', evaluation_interval: '5s' },
    rule_files: [rulesGlob],
    scrape_configs: [
      { job_name: 'apps', static_configs: apps.map(({ app, http }) => target(http, app)) },
      { job_name: 'sidecars', static_configs: apps.map(({ app, sidecarMetrics }) => target(sidecarMetrics, app)) },
    ],
  };
}

if (import.meta.main) {
  const [runFile, rulesGlob] = process.argv.slice(2);
  if (!runFile || !rulesGlob) throw new Error('usage: node scripts/lib/prometheus-config.ts RUN_FILE RULES_GLOB');
  process.stdout.write(stringify(prometheusConfig(runFileApps(runFile), rulesGlob)));
}

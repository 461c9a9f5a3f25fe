// What the Prometheus Operator needs on a cluster, from the local run's sources: the rules of
// observability/prometheus/rules as PrometheusRules, and per app of dapr.yaml a PodMonitor for
// its /metrics and its sidecar's. Targets get the labels the local scrape gives them
// (scripts/lib/prometheus-config.ts): job `apps` or `sidecars`, and `app`, which the rules use.
import type { RunFileApp } from './run-file.ts';

/** Prometheus' mTLS identity in the mesh: kube-prometheus-stack installed as release
 * `kube-prometheus-stack` in namespace `monitoring` (README, Deploy to Kubernetes). */
export const PROMETHEUS_PRINCIPAL = 'cluster.local/ns/monitoring/sa/kube-prometheus-stack-prometheus';
/** The port name Dapr's injector gives the sidecar's metrics port (dapr.io/metrics-port). */
export const SIDECAR_METRICS_PORT_NAME = 'dapr-metrics';
/** Selected by the Prometheus resource's ruleSelector and podMonitorSelector. */
const labels = { 'app.kubernetes.io/part-of': 'pos' };

export interface RuleFile { name: string; groups: unknown[] }

/** One PrometheusRule per rules file, named after it: `red.yml` → `pos-red`. */
export function prometheusRule(file: RuleFile): object {
  return {
    apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule',
    metadata: { name: `pos-${file.name.replace(/\.ya?ml$/, '')}`, labels },
    spec: { groups: file.groups },
  };
}

const setLabels = (job: string, app: string) => [
  { targetLabel: 'job', replacement: job, action: 'replace' },
  { targetLabel: 'app', replacement: app, action: 'replace' },
];

/** The app's /metrics on its HTTP port and its sidecar's metrics port, every 15 s. */
export function podMonitor(app: RunFileApp): object {
  return {
    apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor',
    metadata: { name: app.app, labels },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': app.app } },
      podMetricsEndpoints: [
        { port: 'http', path: '/metrics', interval: '15s', relabelings: setLabels('apps', app.app) },
        { port: SIDECAR_METRICS_PORT_NAME, path: '/metrics', interval: '15s', relabelings: setLabels('sidecars', app.app) },
      ],
    },
  };
}

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { apps } from '../support/stack.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checkAgainst = (k8sDir: string) =>
  spawnSync(process.execPath, ['scripts/gen-k8s.ts', '--check', k8sDir], { cwd: root, encoding: 'utf8' });

describe('k8s/dapr, k8s/base/apps and k8s/monitoring are generated from components/, dapr.yaml and observability/ (npm run check)', () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'k8s-'));
    cpSync(join(root, 'k8s'), copy, { recursive: true });
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('the committed manifests are what the sources give', () => {
    const run = checkAgainst(copy);
    assert.equal(run.status, 0, run.stderr);
  });

  it('a hand edit of a generated file fails the check, naming the file', () => {
    appendFileSync(join(copy, 'dapr/pubsub.yaml'), '# tuned by hand\n');
    const run = checkAgainst(copy);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /dapr\/pubsub\.yaml/);
  });

  it('a hand-added file in a generated folder fails the check, naming the file', () => {
    cpSync(join(copy, 'dapr/pubsub.yaml'), join(copy, 'dapr/pubsub-copy.yaml'));
    const run = checkAgainst(copy);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /dapr\/pubsub-copy\.yaml/);
  });

  it('a hand edit of the PrometheusRules fails the check: the rules live in observability/prometheus/rules only', () => {
    appendFileSync(join(copy, 'monitoring/prometheus-rules.yaml'), '# threshold tuned by hand\n');
    const run = checkAgainst(copy);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /monitoring\/prometheus-rules\.yaml/);
  });

  it('every rules file is a PrometheusRule with its groups, and every app of dapr.yaml has a PodMonitor for its /metrics and its sidecar\'s', () => {
    const resources = ['prometheus-rules.yaml', 'pod-monitors.yaml'].flatMap((file) =>
      parseAllDocuments(readFileSync(join(root, 'k8s/monitoring', file), 'utf8')).map((document) => document.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown> }));
    const rulesDir = join(root, 'observability/prometheus/rules');
    for (const file of readdirSync(rulesDir)) {
      const rule = resources.find((resource) => resource.kind === 'PrometheusRule' && resource.metadata.name === `pos-${file.replace(/\.yml$/, '')}`);
      assert.deepEqual(rule?.spec.groups, (parse(readFileSync(join(rulesDir, file), 'utf8')) as { groups: unknown }).groups, file);
    }
    const monitored = resources.filter((resource) => resource.kind === 'PodMonitor').map((monitor) =>
      `${monitor.metadata.name}: ${(monitor.spec.podMetricsEndpoints as { port: string; path: string }[]).map(({ port, path }) => `${port}${path}`).join(' ')}`);
    assert.deepEqual(monitored, apps.map(({ app }) => `${app}: http/metrics dapr-metrics/metrics`));
  });

  it('every sidecar Configuration and every app sends its spans to the collector Service of k8s/observability, on its OTLP ports', () => {
    const collector = parseAllDocuments(readFileSync(join(root, 'k8s/observability/otel-collector.yaml'), 'utf8')).map((document) => document.toJS() as {
      kind: string; metadata: { name: string }; spec: { ports?: { name: string; port: number }[] };
    }).find((resource) => resource.kind === 'Service');
    const namespace = (parse(readFileSync(join(root, 'k8s/observability/kustomization.yaml'), 'utf8')) as { namespace: string }).namespace;
    const port = (name: string) => collector?.spec.ports?.find((candidate) => candidate.name === name)?.port;
    const host = `${collector?.metadata.name}.${namespace}.svc.cluster.local`;
    const endpoints: string[] = [];
    for (const { app } of apps) {
      const configuration = parse(readFileSync(join(root, `k8s/dapr/configuration-${app}.yaml`), 'utf8')) as { spec: { tracing: { otel: { endpointAddress: string; protocol: string } } } };
      endpoints.push(`${app} sidecar ${configuration.spec.tracing.otel.protocol} ${configuration.spec.tracing.otel.endpointAddress}`);
      const manifests = parseAllDocuments(readFileSync(join(root, `k8s/base/apps/${app}.yaml`), 'utf8')).map((document) => document.toJS() as {
        kind: string; spec: { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } };
      });
      const env = manifests.find((resource) => resource.kind === 'Deployment')?.spec.template.spec.containers[0]?.env ?? [];
      endpoints.push(`${app} app http ${env.find((variable) => variable.name === 'OTEL_EXPORTER_OTLP_ENDPOINT')?.value}`);
    }
    assert.deepEqual(endpoints, apps.flatMap(({ app }) => [`${app} sidecar grpc ${host}:${port('otlp-grpc')}`, `${app} app http http://${host}:${port('otlp-http')}`]));
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rejectedDir = 'tests/stack/fixtures/k8s-rejected';
/** Each broken manifest, and what kube-apiserver must say about it. */
const broken: Record<string, RegExp> = {
  'unknown-field.yaml': /unknown field "spec\.containers\[0\]\.imagePullPolicyy"/,
  'bad-enum.yaml': /Unsupported value: "Sometimes"/,
  'selector-mismatch.yaml': /selector.*does not match template `labels`/,
  'dapr-unknown-field.yaml': /unknown field "spec\.deadLetterTopik"/,
  'istio-bad-enum.yaml': /spec\.action.*Unsupported value: "PERMIT"/,
  'kong-unknown-field.yaml': /unknown field "plugn"/,
  'prometheus-rule-bad-duration.yaml': /spec\.groups\[0\]\.rules\[0\]\.for: Invalid value: "ten minutes"/,
  'pod-monitor-unknown-field.yaml': /unknown field "spec\.podMetricsEndpoint"/,
};

/** The mesh policies and the gateway's Kong Ingress Controller resources. */
const meshTargets = ['istio', 'kong/k8s'];

/** scripts/check-k8s.sh once for every target (one kube-apiserver start): target → its verdict and reasons. */
function check(targets: string[]): Map<string, { accepted: boolean; reasons: string }> {
  const run = spawnSync('bash', ['scripts/check-k8s.sh', ...targets], { cwd: root, encoding: 'utf8' });
  const verdicts = new Map<string, { accepted: boolean; reasons: string }>();
  let current: { accepted: boolean; reasons: string } | undefined;
  for (const line of run.stdout.split('\n')) {
    const verdict = /^(accepted|rejected): (\S+)/.exec(line);
    if (verdict?.[2]) verdicts.set(verdict[2], current = { accepted: verdict[1] === 'accepted', reasons: '' });
    else if (current) current.reasons += `${line}\n`;
  }
  assert.equal(verdicts.size, targets.length, `every target judged:\n${run.stdout}\n${run.stderr}`);
  return verdicts;
}

describe('the Kubernetes manifests, judged by a real kube-apiserver (scripts/check-k8s.sh)', function () {
  // Starts etcd and kube-apiserver and installs about 60 CRDs: seconds on an idle machine, more on a busy one.
  this.timeout(300_000);
  let verdicts: Map<string, { accepted: boolean; reasons: string }>;
  before(() => {
    verdicts = check(['k8s/overlays/dev', 'k8s/overlays/prod', ...meshTargets, ...Object.keys(broken).map((file) => `${rejectedDir}/${file}`)]);
  });

  for (const target of meshTargets) {
    it(`the manifests of ${target}/ are accepted with the Istio and Kong CRDs installed`, () => {
      const verdict = verdicts.get(target);
      assert.ok(verdict?.accepted, verdict?.reasons);
    });
  }

  for (const overlay of ['dev', 'prod']) {
    it(`the ${overlay} overlay, rendered by kustomize, is accepted whole with the Dapr and Prometheus Operator CRDs installed (PrometheusRules, PodMonitors, the OpenTelemetry Collector)`, () => {
      const verdict = verdicts.get(`k8s/overlays/${overlay}`);
      assert.ok(verdict?.accepted, verdict?.reasons);
    });
  }

  for (const [file, reason] of Object.entries(broken)) {
    it(`a broken manifest (${file}) is rejected with the reason named`, () => {
      const verdict = verdicts.get(`${rejectedDir}/${file}`);
      assert.ok(verdict);
      assert.equal(verdict.accepted, false);
      assert.match(verdict.reasons, reason);
    });
  }
});

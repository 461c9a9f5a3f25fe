// A Dapr resource of the local run (components/) in its cluster form: namespace pos, secrets
// from Kubernetes Secrets, spans to the cluster's OpenTelemetry collector, no test-only apps.

export interface DaprResource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: Record<string, unknown>;
  scopes?: string[];
  [key: string]: unknown;
}

export const NAMESPACE = 'pos';
/** The OpenTelemetry collector's OTLP gRPC endpoint (namespace observability; the README says which). */
export const OTEL_COLLECTOR = 'otel-collector.observability.svc.cluster.local:4317';
/** The apps of tests/probe run only on the test stack. */
const TEST_ONLY_APPS = new Set(['probe-a', 'probe-b']);

export function clusterDaprResource(local: DaprResource): DaprResource {
  const resource = structuredClone(local);
  resource.metadata.namespace = NAMESPACE;
  if (resource.scopes) resource.scopes = resource.scopes.filter((app) => !TEST_ONLY_APPS.has(app));
  if (resource.kind === 'Component' && resource.spec.type === 'secretstores.local.file') {
    resource.spec = { type: 'secretstores.kubernetes', version: 'v1', metadata: [] };
  }
  if (resource.kind === 'Configuration') toClusterConfiguration(resource.spec);
  if (resource.kind === 'Resiliency') dropTestOnlyTargets(resource.spec);
  return resource;
}

function toClusterConfiguration(spec: Record<string, unknown>): void {
  const tracing = spec.tracing as { samplingRate?: string } | undefined;
  if (tracing) spec.tracing = { samplingRate: tracing.samplingRate, otel: { endpointAddress: OTEL_COLLECTOR, isSecure: false, protocol: 'grpc' } };
  // Locally every sidecar is in namespace default; on the cluster its callers are in pos.
  const access = spec.accessControl as { policies?: { namespace?: string }[] } | undefined;
  for (const policy of access?.policies ?? []) if (policy.namespace === 'default') policy.namespace = NAMESPACE;
}

function dropTestOnlyTargets(spec: Record<string, unknown>): void {
  const targets = spec.targets as { apps?: Record<string, unknown> } | undefined;
  if (targets?.apps) targets.apps = Object.fromEntries(Object.entries(targets.apps).filter(([app]) => !TEST_ONLY_APPS.has(app)));
}

// A Dapr resource of the local run (components/) in its cluster form: namespace pos, secrets
// from Kubernetes Secrets, spans to the cluster's OpenTelemetry collector, no test-only apps
// (in scopes, access policies and resiliency targets),
// HTTPEndpoints aimed at an app's Service instead of its local port.

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

/** An app's HTTP port, as dapr.yaml gives it (the local address 127.0.0.1:<port> names the app). */
export interface AppPort { app: string; http: number }

export function clusterDaprResource(local: DaprResource, apps: readonly AppPort[] = []): DaprResource {
  const resource = structuredClone(local);
  resource.metadata.namespace = NAMESPACE;
  if (resource.scopes) resource.scopes = resource.scopes.filter((app) => !TEST_ONLY_APPS.has(app));
  if (resource.kind === 'Component' && resource.spec.type === 'secretstores.local.file') {
    resource.spec = { type: 'secretstores.kubernetes', version: 'v1', metadata: [] };
  }
  if (resource.kind === 'Configuration') toClusterConfiguration(resource.spec);
  if (resource.kind === 'Resiliency') dropTestOnlyTargets(resource.spec);
  if (resource.kind === 'HTTPEndpoint') resource.spec.baseUrl = clusterBaseUrl(String(resource.spec.baseUrl), apps);
  return resource;
}

/** `http://127.0.0.1:3003` (an app's HTTP port locally) → that app's Service in namespace pos. */
function clusterBaseUrl(local: string, apps: readonly AppPort[]): string {
  const url = new URL(local);
  const app = url.hostname === '127.0.0.1' ? apps.find((candidate) => String(candidate.http) === url.port) : undefined;
  if (!app) throw new Error(`HTTPEndpoint ${local}: names no app's local HTTP port, so it has no cluster address`);
  return `http://${app.app}.${NAMESPACE}.svc.cluster.local:${app.http}${url.pathname === '/' ? '' : url.pathname}`;
}

function toClusterConfiguration(spec: Record<string, unknown>): void {
  const tracing = spec.tracing as { samplingRate?: string } | undefined;
  if (tracing) spec.tracing = { samplingRate: tracing.samplingRate, otel: { endpointAddress: OTEL_COLLECTOR, isSecure: false, protocol: 'grpc' } };
  // Locally every sidecar is in namespace default; on the cluster its callers are in pos.
  const access = spec.accessControl as { policies?: { appId?: string; namespace?: string }[] } | undefined;
  if (access?.policies) access.policies = access.policies.filter((policy) => !TEST_ONLY_APPS.has(policy.appId ?? ''));
  for (const policy of access?.policies ?? []) if (policy.namespace === 'default') policy.namespace = NAMESPACE;
}

function dropTestOnlyTargets(spec: Record<string, unknown>): void {
  const targets = spec.targets as { apps?: Record<string, unknown> } | undefined;
  if (targets?.apps) targets.apps = Object.fromEntries(Object.entries(targets.apps).filter(([app]) => !TEST_ONLY_APPS.has(app)));
}

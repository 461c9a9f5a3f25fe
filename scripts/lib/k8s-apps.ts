// One app of dapr.yaml as Kubernetes objects: the same app id, app port and protocol, health
// path and sidecar Configuration as the local run, with the cluster's restrictions added.
import type { RunFileApp } from './run-file.ts';

const PART_OF = 'pos';
/** Image convention (README, Deploy to Kubernetes): pos/<app>:<version>; overlays set registry and tag. */
export const imageOf = (app: string) => `pos/${app}:0.1.0`;
/** The sidecar's Prometheus port in a pod (the local ports are all on one host, so they differ). */
export const SIDECAR_METRICS_PORT = 9090;

/** Variables one app needs on the cluster beyond those every app gets. */
const appEnv: Record<string, { name: string; value: string }[]> = {
  // Login throttling counts by the client's address (ctx.ip). On the cluster a till's request
  // reaches user through Kong, which appends the address it was called from to X-Forwarded-For,
  // and through two Istio sidecars (Kong's outbound, user's inbound), which append nothing:
  // Istio runs sidecars with use_remote_address false, and Envoy appends only when it is true.
  // So the last entry is Kong's, and one hop is trusted; an entry before it is the client's
  // own writing and is ignored. (Kong's address is then the till's only if Kong sees it: a
  // load balancer in front must keep the source address, or Kong must trust its header.)
  user: [{ name: 'TRUST_PROXY_HOPS', value: '1' }],
};

/** allowedSecrets: what the app's Configuration lets it read (its secret scope). */
export function appManifests(app: RunFileApp, allowedSecrets: string[]): object[] {
  const labels = { 'app.kubernetes.io/name': app.app, 'app.kubernetes.io/part-of': PART_OF };
  const selector = { matchLabels: { 'app.kubernetes.io/name': app.app } };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: app.app, labels } },
    // The sidecar's secretstores.kubernetes reads with the pod's ServiceAccount: those Secrets
    // only. An app that reads none gets no Role: a rule with no resourceNames would grant them all.
    ...(allowedSecrets.length === 0 ? [] : [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: `${app.app}-secret-reader`, labels },
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: allowedSecrets }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: `${app.app}-secret-reader`, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${app.app}-secret-reader` },
        subjects: [{ kind: 'ServiceAccount', name: app.app }],
      },
    ]),
    deployment(app, labels, selector),
    {
      apiVersion: 'v1', kind: 'Service', metadata: { name: app.app, labels },
      // The HTTP API only: Kong and Prometheus come in here. Calls between apps go sidecar to sidecar.
      spec: { selector: selector.matchLabels, ports: [{ name: 'http', port: app.http, targetPort: 'http' }] },
    },
    {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: app.app, labels },
      spec: { maxUnavailable: 1, selector },
    },
    {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: app.app, labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.app },
        minReplicas: 2, maxReplicas: 6,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
  ];
}

function deployment(app: RunFileApp, labels: Record<string, string>, selector: object): object {
  const tokenEnv = (name: string, secret: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key: 'token' } } });
  const ports = [{ name: 'http', containerPort: app.http }];
  if (app.protocol === 'grpc') ports.push({ name: 'grpc', containerPort: app.appPort });
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app.app, labels },
    spec: {
      replicas: 2,
      selector,
      template: {
        metadata: { labels, annotations: daprAnnotations(app) },
        spec: {
          serviceAccountName: app.app,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [{
            name: app.app,
            image: imageOf(app.app),
            workingDir: `/app/services/${app.app}`,
            command: ['node', '--import', '@pos/platform/telemetry', app.main],
            ports,
            env: [
              { name: 'POS_ENV', value: 'production' },
              { name: 'BIND_HOST', value: '0.0.0.0' },
              { name: 'HTTP_PORT', value: String(app.http) },
              ...(app.protocol === 'grpc' ? [{ name: 'GRPC_PORT', value: String(app.appPort) }] : []),
              { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4318' },
              // The same Secrets the sidecar reads through dapr.io/api-token-secret and app-token-secret.
              tokenEnv('DAPR_API_TOKEN', `${app.app}-dapr-api-token`),
              tokenEnv('APP_API_TOKEN', `${app.app}-app-api-token`),
              ...(appEnv[app.app] ?? []),
            ],
            readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5, failureThreshold: 2 },
            livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, failureThreshold: 3 },
            resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } },
            securityContext: {
              runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
              capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
            },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          }],
          // A read-only root file system: Node and its libraries may still want a scratch folder.
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
          // Longer than the platform's own shutdown (readiness flip, drain, 10 s grace).
          terminationGracePeriodSeconds: 20,
        },
      },
    },
  };
}

function daprAnnotations(app: RunFileApp): Record<string, string> {
  return {
    'dapr.io/enabled': 'true',
    'dapr.io/app-id': app.app,
    'dapr.io/app-port': String(app.appPort),
    'dapr.io/app-protocol': app.protocol,
    'dapr.io/config': app.app,
    'dapr.io/enable-metrics': 'true',
    'dapr.io/metrics-port': String(SIDECAR_METRICS_PORT),
    'dapr.io/log-as-json': 'true',
    // As dapr.yaml: the sidecar stops deliveries while the app is not ready.
    'dapr.io/enable-app-health-check': 'true',
    ...(app.protocol === 'http' ? { 'dapr.io/app-health-check-path': '/readyz' } : {}),
    'dapr.io/app-health-probe-interval': '3',
    'dapr.io/app-health-probe-timeout': '2500',
    'dapr.io/app-health-threshold': '1',
    // The sidecar meets the namespace's restricted Pod Security too: seccomp here, every
    // capability dropped by the injector (Helm: dapr_sidecar_injector.sidecarDropALLCapabilities=true).
    'dapr.io/sidecar-seccomp-profile-type': 'RuntimeDefault',
    'dapr.io/sidecar-cpu-request': '50m',
    'dapr.io/sidecar-cpu-limit': '500m',
    'dapr.io/sidecar-memory-request': '64Mi',
    'dapr.io/sidecar-memory-limit': '256Mi',
    // Secrets with one key, token: the local <app>-dapr-api-token and <app>-app-api-token.
    'dapr.io/api-token-secret': `${app.app}-dapr-api-token`,
    'dapr.io/app-token-secret': `${app.app}-app-api-token`,
  };
}

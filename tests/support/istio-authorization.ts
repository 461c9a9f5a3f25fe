// Istio's AuthorizationPolicy decision for one request, as the Envoy of the called pod takes it
// (https://istio.io/latest/docs/reference/config/security/authorization-policy/): a matching DENY
// denies; else with no ALLOW policy on the workload it is allowed; else it is allowed only when
// an ALLOW rule matches. Only the fields istio/ uses are understood: any other field throws,
// so a policy this reader cannot judge fails the test instead of passing it.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

export interface Request {
  /** The caller's mTLS identity, cluster.local/ns/<namespace>/sa/<account>. */
  principal: string;
  /** The called pod's labels and namespace. */
  labels: Record<string, string>;
  namespace: string;
  port: number;
  /** Known for HTTP traffic only: Istio sees no path inside Dapr's own mTLS. */
  path?: string;
}

interface Operation { ports?: string[]; notPorts?: string[]; paths?: string[]; notPaths?: string[] }
interface Rule { from?: { source: { principals?: string[]; notPrincipals?: string[] } }[]; to?: { operation: Operation }[] }
export interface AuthorizationPolicy {
  kind: 'AuthorizationPolicy';
  metadata: { name: string; namespace: string };
  spec: { selector?: { matchLabels: Record<string, string> }; action?: 'ALLOW' | 'DENY'; rules?: Rule[] };
}

const known = (what: string, object: object | undefined, fields: string[]) => {
  for (const key of Object.keys(object ?? {})) if (!fields.includes(key)) throw new Error(`${what}: this reader does not understand '${key}'`);
};

/** Istio's string match: exact, `prefix*`, `*suffix` or `*`. */
const matches = (pattern: string, value: string) =>
  pattern === '*' || (pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1))
    : pattern.startsWith('*') ? value.endsWith(pattern.slice(1)) : value === pattern);
const anyMatches = (patterns: string[] | undefined, value: string | undefined) =>
  patterns === undefined || (value !== undefined && patterns.some((pattern) => matches(pattern, value)));
const noneMatches = (patterns: string[] | undefined, value: string | undefined) =>
  patterns === undefined || value === undefined || !patterns.some((pattern) => matches(pattern, value));

function operationMatches(operation: Operation, request: Request): boolean {
  known('operation', operation, ['ports', 'notPorts', 'paths', 'notPaths']);
  // A path condition on traffic without a path (TCP, or TLS Istio cannot read) never matches in an ALLOW rule.
  if ((operation.paths || operation.notPaths) && request.path === undefined) return false;
  const port = String(request.port);
  return anyMatches(operation.ports, port) && noneMatches(operation.notPorts, port)
    && anyMatches(operation.paths, request.path) && noneMatches(operation.notPaths, request.path);
}

function ruleMatches(rule: Rule, request: Request): boolean {
  known('rule', rule, ['from', 'to']);
  const from = rule.from === undefined || rule.from.some(({ source }) => {
    known('source', source, ['principals', 'notPrincipals']);
    return anyMatches(source.principals, request.principal) && noneMatches(source.notPrincipals, request.principal);
  });
  return from && (rule.to === undefined || rule.to.some(({ operation }) => operationMatches(operation, request)));
}

const applies = (policy: AuthorizationPolicy, request: Request) =>
  policy.metadata.namespace === request.namespace
  && Object.entries(policy.spec.selector?.matchLabels ?? {}).every(([key, value]) => request.labels[key] === value);

export function isAllowed(policies: readonly AuthorizationPolicy[], request: Request): boolean {
  const relevant = policies.filter((policy) => applies(policy, request));
  for (const policy of relevant) known(`policy ${policy.metadata.name}`, policy.spec, ['selector', 'action', 'rules']);
  const ruleHit = (policy: AuthorizationPolicy) => (policy.spec.rules ?? []).some((rule) => ruleMatches(rule, request));
  if (relevant.some((policy) => policy.spec.action === 'DENY' && ruleHit(policy))) return false;
  const allows = relevant.filter((policy) => (policy.spec.action ?? 'ALLOW') === 'ALLOW');
  return allows.length === 0 || allows.some(ruleHit);
}

/** The AuthorizationPolicies of a multi-document YAML file. */
export const readPolicies = (file: string): AuthorizationPolicy[] =>
  parseAllDocuments(readFileSync(file, 'utf8')).map((document) => document.toJS() as { kind: string })
    .filter((resource): resource is AuthorizationPolicy => resource.kind === 'AuthorizationPolicy');

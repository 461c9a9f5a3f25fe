// What the Dapr dashboard would show for the local run, read from each sidecar's metadata API
// (GET /v1.0/metadata with the app's own dapr-api-token): the app, its components, its
// subscriptions with their dead-letter topics, and whether app and sidecar are healthy.
//   node scripts/lib/sidecar-metadata.ts RUN_FILE   (npm run status prints it)
import { readFileSync } from 'node:fs';
import { runFileApps, type RunFileApp } from './run-file.ts';

interface Metadata {
  runtimeVersion: string;
  components?: { name: string; type: string; version: string }[];
  subscriptions?: { pubsubname: string; topic: string; deadLetterTopic?: string; rules?: { path: string }[] }[];
  appConnectionProperties?: { port?: number; protocol?: string };
}

const answers = async (url: string, headers: Record<string, string> = {}) =>
  (await fetch(url, { headers, signal: AbortSignal.timeout(2000) }).catch(() => undefined))?.ok ?? false;

async function appView(app: RunFileApp, apiToken: string): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${app.sidecarHttp}/v1.0/metadata`, {
    headers: { 'dapr-api-token': apiToken }, signal: AbortSignal.timeout(2000),
  }).catch(() => undefined);
  if (!response?.ok) return [`  ${app.app}: no metadata (sidecar ${response ? `answered ${response.status}` : 'down'})`];
  const metadata = await response.json() as Metadata;
  const health = [
    `app ${await answers(`http://127.0.0.1:${app.http}/healthz`) ? 'healthy' : 'NOT healthy'}`,
    `sidecar ${await answers(`http://127.0.0.1:${app.sidecarHttp}/v1.0/healthz`) ? 'healthy' : 'NOT healthy'}`,
  ];
  const connection = metadata.appConnectionProperties;
  const components = (metadata.components ?? []).map((c) => `${c.name} (${c.type}/${c.version})`).sort();
  const subscriptions = (metadata.subscriptions ?? []).map((s) =>
    `${s.pubsubname}/${s.topic} → ${(s.rules ?? []).map((rule) => rule.path).join(', ')}, dead letters: ${s.deadLetterTopic ?? 'NONE'}`);
  return [
    `  ${app.app}: Dapr ${metadata.runtimeVersion}, app port ${connection?.port ?? '?'} (${connection?.protocol ?? '?'}), ${health.join(', ')}`,
    `    components:    ${components.join(', ') || 'none'}`,
    ...(subscriptions.length ? subscriptions.map((line, index) => `    ${index ? '               ' : 'subscriptions: '}${line}`) : ['    subscriptions: none']),
  ];
}

if (import.meta.main) {
  const runFile = process.argv[2];
  const secretsFile = process.env.POS_SECRETS_FILE;
  if (!runFile || !secretsFile) throw new Error('usage: POS_SECRETS_FILE=... node scripts/lib/sidecar-metadata.ts RUN_FILE');
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>;
  for (const app of runFileApps(runFile)) {
    for (const line of await appView(app, secrets[`${app.app}-dapr-api-token`] ?? '')) console.log(line);
  }
}

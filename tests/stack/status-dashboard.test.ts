import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { runFileApps } from '../../scripts/lib/run-file.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Resource {
  kind: string; metadata: { name: string }; scopes?: string[];
  spec: { type?: string; pubsubname?: string; topic?: string; deadLetterTopic?: string };
}
const localResources = (): Resource[] => readdirSync(`${root}components`).filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(`${root}components/${file}`, 'utf8')).map((document) => document.toJS() as Resource));

/** npm run status's dashboard view: app → its block of lines. */
function dashboardBlocks(): Map<string, string> {
  const status = spawnSync('bash', ['scripts/status.sh'], { cwd: root, encoding: 'utf8' });
  const view = status.stdout.split("Dapr dashboard view (each sidecar's metadata API")[1] ?? '';
  const blocks = new Map<string, string>();
  let app = '';
  for (const line of view.split('\n')) {
    const heading = /^ {2}([a-z-]+): /.exec(line);
    if (heading?.[1]) app = heading[1];
    if (app) blocks.set(app, `${blocks.get(app) ?? ''}${line}\n`);
  }
  return blocks;
}

describe('npm run status shows what the Dapr dashboard would, from each sidecar\'s metadata API', () => {
  it('every app is listed healthy with each component and subscription (and its dead-letter topic) that components/ scopes to it', () => {
    const blocks = dashboardBlocks();
    const resources = localResources();
    for (const { app } of runFileApps(`${root}dapr.yaml`)) {
      const block = blocks.get(app) ?? '';
      assert.match(block, /app healthy, sidecar healthy/, `${app}:\n${block}`);
      for (const resource of resources.filter((r) => r.scopes?.includes(app))) {
        if (resource.kind === 'Component') assert.ok(block.includes(`${resource.metadata.name} (${resource.spec.type}/`), `${app} lacks ${resource.metadata.name}:\n${block}`);
        if (resource.kind === 'Subscription') {
          const { pubsubname, topic, deadLetterTopic } = resource.spec;
          assert.ok(block.includes(`${pubsubname}/${topic} → `) && block.includes(`dead letters: ${deadLetterTopic}`), `${app} lacks ${resource.metadata.name}:\n${block}`);
        }
      }
    }
  });
});

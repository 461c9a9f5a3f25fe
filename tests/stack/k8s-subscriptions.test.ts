import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';

const root = new URL('../../', import.meta.url);

interface Resource { kind: string; metadata: { name: string; namespace?: string } }

const resourcesIn = (path: string): Resource[] =>
  parseAllDocuments(readFileSync(new URL(path, root), 'utf8')).map((document) => document.toJS() as Resource);

/** The Subscriptions of the local run (components/) and of the cluster (what kustomization.yaml lists). */
function subscriptions(): { local: Resource[]; cluster: Resource[] } {
  const isSubscription = (resource: Resource) => resource?.kind === 'Subscription';
  const local = readdirSync(new URL('components/', root)).filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => resourcesIn(`components/${file}`)).filter(isSubscription);
  const listed = (parse(readFileSync(new URL('k8s/dapr/kustomization.yaml', root), 'utf8')) as { resources: string[] }).resources;
  return { local, cluster: listed.flatMap((file) => resourcesIn(`k8s/dapr/${file}`)).filter(isSubscription) };
}

describe('k8s/dapr mirrors the local Dapr Subscriptions', () => {
  it('every Subscription of components/ is in the cluster kustomization, the same but in namespace pos, and no other', () => {
    const { local, cluster } = subscriptions();
    const byName = (resources: Resource[]) => [...resources].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const expected = byName(local).map((resource) => ({ ...resource, metadata: { ...resource.metadata, namespace: 'pos' } }));
    assert.deepEqual(byName(cluster), expected);
  });
});
